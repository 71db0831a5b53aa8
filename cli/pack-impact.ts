// `siklus rules impact`: a cycle's ratings on record re-decided under another regulation pack, read through
// DATABASE_URL; nothing is written. Answers the impact, or why there is none (a sentence, exit 2).
import type { CycleCalendar } from '../domain/cycle/calendar.ts';
import { predikatLabels } from '../domain/rating/predikat.ts';
import { type PackImpact, packImpact } from '../domain/regulation/impact.ts';
import { packInForce, type RegulationPack } from '../domain/regulation/pack.ts';
import { localIsoDate } from '../domain/time/local-text.ts';
import { defaultTimeZone } from '../domain/time/zones.ts';
import { cycleCapaian, cycleRatings } from '../record/read/cycle-ratings.ts';
import { cycleOf } from '../record/read/cycles.ts';
import { createDb } from '../schema/db.ts';

export type CycleImpact = PackImpact & { cycleId: string; status: string; rated: number };

export async function cycleImpact(
  org: string,
  cycleId: string,
  proposed: RegulationPack,
): Promise<CycleImpact | string> {
  const url = process.env.DATABASE_URL;
  if (!url) return 'DATABASE_URL is not set: the ratings are read from PostgreSQL';
  const db = createDb(url, { onIdleError: () => {} });
  try {
    const cycle = await cycleOf(db, org, cycleId);
    if (!cycle) return `organisation ${org} has no cycle ${cycleId}`;
    const calendar = cycle.calendar as Partial<CycleCalendar>;
    const timeZone = calendar.timeZone ?? defaultTimeZone;
    const opened = calendar.steps?.[0]?.start ?? cycle.startedAt;
    const inForce = packInForce(localIsoDate(new Date(opened), timeZone));
    const [people, capaian] = await Promise.all([cycleRatings(db, cycleId), cycleCapaian(db, cycleId)]);
    return {
      cycleId,
      status: cycle.status,
      rated: people.length,
      ...packImpact(people, capaian, inForce, proposed),
    };
  } finally {
    await db.destroy();
  }
}

/** The impact for a person at a terminal, in Bahasa Indonesia like the official forms. */
export function impactLines(impact: CycleImpact): string[] {
  const label = (p: keyof typeof predikatLabels) => predikatLabels[p];
  const lines = [
    `Siklus ${impact.cycleId} (${impact.status === 'closed' ? 'selesai' : 'masih berjalan'}): ${impact.rated} pegawai dinilai di bawah paket ${impact.inForce}; dihitung ulang dengan paket ${impact.pack}.`,
    `${impact.people.length} pegawai berubah predikat:`,
    ...impact.people.map((p) => `  ${p.nip} ${p.name} (${p.unitCode}): ${label(p.from)} -> ${label(p.to)}`),
  ];
  const changed = impact.units.filter((u) => u.conformsNow !== u.conformsUnder);
  lines.push(`${changed.length} unit berubah kesesuaian pola:`);
  for (const u of changed) {
    const word = (ok: boolean | null) => (ok === null ? 'tanpa capaian' : ok ? 'sesuai' : 'tidak sesuai');
    lines.push(`  ${u.unitCode}: ${word(u.conformsNow)} -> ${word(u.conformsUnder)}`);
    for (const f of u.findings) lines.push(`    ${f.rule}: ${f.message}`);
  }
  return lines;
}
