// The demo people's employment: who is a PPPK (staff in health, population records and services, as the
// regional offices employ them) and everyone's rank, a PNS pangkat/golongan or a PPPK golongan that fits
// the position (domain/organisation/employment.ts).
import type { EmploymentStatus } from '../domain/organisation/employment.ts';

/** The demo's PPPK, by name (names are unique within the demo). */
export const pppkNames: ReadonlySet<string> = new Set([
  'Ns. Junaidi',
  'Erni Susanti',
  'Hendri Gunawan',
  'Taufik Hidayat',
  'Ns. Yogi Saputra',
  'Nofri Yanti',
  'Ferdi Ananda',
  'Lilik Setyawati',
  'Fajar Nugroho',
  'Tri Wahyuni',
]);

const pnsRankOf: Readonly<Record<string, string>> = {
  SEKDA: 'Pembina Utama Madya, IV/d',
  KADIS: 'Pembina Utama Muda, IV/c',
  KABADAN: 'Pembina Utama Muda, IV/c',
  CAMAT: 'Pembina Tingkat I, IV/b',
  KABID: 'Pembina, IV/a',
  KASI: 'Penata Tingkat I, III/d',
  KASUBAG: 'Penata Tingkat I, III/d',
  KAPKM: 'Pembina, IV/a',
  DOKTER: 'Penata Muda Tingkat I, III/b',
  PERAWAT: 'Pengatur Tingkat I, II/d',
  BIDAN: 'Pengatur, II/c',
  ANALIS_SDM: 'Penata, III/c',
  ADMIN_DUK: 'Penata Muda, III/a',
  PENGAWAS: 'Pembina, IV/a',
  PELAYANAN: 'Pengatur Muda Tingkat I, II/b',
  PELAKSANA: 'Pengatur Muda, II/a',
};

/** A PPPK's golongan follows the education the position asks for (D-III: VII, S-1: IX, SMA: V). */
const pppkGradeOf: Readonly<Record<string, string>> = {
  DOKTER: 'X',
  PERAWAT: 'VII',
  BIDAN: 'VII',
  ANALIS_SDM: 'IX',
  ADMIN_DUK: 'IX',
  PENGAWAS: 'IX',
  PELAYANAN: 'V',
  PELAKSANA: 'V',
};

/** By the position's code (positions.json); a position without its own rank here gets the lowest one above. */
export function demoRank(position: string, status: EmploymentStatus): string {
  return status === 'PPPK' ? (pppkGradeOf[position] ?? 'V') : (pnsRankOf[position] ?? 'Pengatur Muda, II/a');
}
