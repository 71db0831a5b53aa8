// A generated instansi: a head, one leader per unit reporting to the head, and staff reporting to their
// unit's leader. NIPs are valid (birth date, appointment, gender, serial) and unique.

import type { Random } from './random.ts';
import type { SeedEmployee } from './seed.ts';

export interface GeneratedOrganisation {
  orgId: string;
  units: string[];
  head: SeedEmployee;
  employees: SeedEmployee[];
}

const firstNames = [
  'Siti',
  'Budi',
  'Dewi',
  'Agus',
  'Rina',
  'Hendra',
  'Yuni',
  'Rizky',
  'Fitri',
  'Andi',
  'Nur',
  'Wahyu',
];
const lastNames = [
  'Aminah',
  'Santoso',
  'Lestari',
  'Saputra',
  'Wati',
  'Gunawan',
  'Rahma',
  'Pratama',
  'Hidayat',
  'Kurnia',
];

export function generateOrganisation(
  random: Random,
  orgId: string,
  employeeCount: number,
  unitCount: number,
): GeneratedOrganisation {
  const units = Array.from({ length: unitCount }, (_, i) => `U${String(i + 1).padStart(2, '0')}`);
  let serial = 0;
  const person = (unitCode: string, supervisorNip: string | null): SeedEmployee => {
    serial++;
    const birthYear = random.int(1966, 1999);
    const birth = `${birthYear}${String(random.int(1, 12)).padStart(2, '0')}${String(random.int(1, 28)).padStart(2, '0')}`;
    const appointment = `${birthYear + random.int(22, 26)}${String(random.int(1, 12)).padStart(2, '0')}`;
    // Serials run across the whole org, so NIPs stay unique however many people share a birth date.
    const nip = `${birth}${appointment}${random.int(1, 2)}${String(serial % 1000 || 1).padStart(3, '0')}`;
    return { nip, name: `${random.pick(firstNames)} ${random.pick(lastNames)}`, unitCode, supervisorNip };
  };
  const head = person('SETDA', null);
  const employees: SeedEmployee[] = [head];
  const used = new Set([head.nip]);
  const add = (unitCode: string, supervisorNip: string | null) => {
    let p = person(unitCode, supervisorNip);
    while (used.has(p.nip)) p = person(unitCode, supervisorNip);
    used.add(p.nip);
    employees.push(p);
    return p;
  };
  const leaders = units.map((unit) => add(unit, head.nip));
  for (let i = employees.length; i < employeeCount; i++) {
    const unitIndex = i % unitCount;
    add(units[unitIndex] ?? 'U01', leaders[unitIndex]?.nip ?? head.nip);
  }
  return {
    orgId,
    units: ['SETDA', ...units],
    head,
    employees: employees.slice(0, Math.max(employeeCount, 1)),
  };
}
