// An employee's employment status and rank, as HR imports them and the official forms show them.
//   PNS:  pangkat and golongan/ruang, I/a (Juru Muda) to IV/e (Pembina Utama), the list of PP 99/2000;
//         written "Penata Muda, III/a".
//   PPPK: golongan I to XVII (Perpres 98/2020 on PPPK pay); written "IX".
// The status is the kind of the person's number (nip.ts): stored with the person, and a file that says
// otherwise is refused, as a pangkat for a PPPK or a golongan for a PNS is.
import type { NipKind } from './nip.ts';

export type EmploymentStatus = NipKind;
export const employmentStatuses: readonly EmploymentStatus[] = ['PNS', 'PPPK'];

/** golongan/ruang → pangkat, lowest first. */
export const pnsRanks: ReadonlyArray<readonly [golongan: string, pangkat: string]> = [
  ['I/a', 'Juru Muda'],
  ['I/b', 'Juru Muda Tingkat I'],
  ['I/c', 'Juru'],
  ['I/d', 'Juru Tingkat I'],
  ['II/a', 'Pengatur Muda'],
  ['II/b', 'Pengatur Muda Tingkat I'],
  ['II/c', 'Pengatur'],
  ['II/d', 'Pengatur Tingkat I'],
  ['III/a', 'Penata Muda'],
  ['III/b', 'Penata Muda Tingkat I'],
  ['III/c', 'Penata'],
  ['III/d', 'Penata Tingkat I'],
  ['IV/a', 'Pembina'],
  ['IV/b', 'Pembina Tingkat I'],
  ['IV/c', 'Pembina Utama Muda'],
  ['IV/d', 'Pembina Utama Madya'],
  ['IV/e', 'Pembina Utama'],
];

export const pppkGrades: readonly string[] = [
  'I',
  'II',
  'III',
  'IV',
  'V',
  'VI',
  'VII',
  'VIII',
  'IX',
  'X',
  'XI',
  'XII',
  'XIII',
  'XIV',
  'XV',
  'XVI',
  'XVII',
];

export type RankParse = { ok: true; rank: string } | { ok: false; message: string };

/**
 * A rank as written in a file, for a person of this status, in its one stored form: "Penata Muda, III/a"
 * (from "III/a", "iii/a", "Penata Muda III/a" or "Penata Muda Tk. I, III/b") or "IX" (from "ix",
 * "Golongan IX" or "Gol. IX"). The message is English, as the import's are.
 */
export function parseRank(status: EmploymentStatus, text: string): RankParse {
  const written = text.trim().replace(/\s+/g, ' ');
  if (status === 'PPPK') {
    const grade = pppkGradeIn(written);
    if (grade) return { ok: true, rank: grade };
    const pns = pnsRankOf(written);
    return {
      ok: false,
      message: pns
        ? `'${written}' is a PNS pangkat/golongan; a PPPK has a golongan I to XVII`
        : `'${written}' is not a PPPK golongan; it must be I to XVII`,
    };
  }
  const found = pnsRankOf(written);
  if (!found) {
    return {
      ok: false,
      message: pppkGradeIn(written)
        ? `'${written}' is a PPPK golongan; a PNS has a pangkat/golongan I/a to IV/e`
        : `'${written}' is not a PNS pangkat/golongan; it must be one of I/a to IV/e, e.g. 'Penata Muda, III/a'`,
    };
  }
  const [golongan, pangkat] = found.rank;
  if (found.name !== null && normalName(found.name) !== normalName(pangkat))
    return {
      ok: false,
      message: `'${written}' names the pangkat ${found.name}, but golongan ${golongan} is ${pangkat}`,
    };
  return { ok: true, rank: `${pangkat}, ${golongan}` };
}

function pppkGradeIn(written: string): string | undefined {
  const grade = /^(?:gol(?:ongan)?\.? ?)?([ivx]+)$/i.exec(written)?.[1]?.toUpperCase();
  return grade && pppkGrades.includes(grade) ? grade : undefined;
}

function pnsRankOf(written: string): { rank: readonly [string, string]; name: string | null } | null {
  const m = /^(?:(.*?)[ ,(]+)?([iv]+) ?\/ ?([a-e])\)?$/i.exec(written);
  if (!m) return null;
  const golongan = `${m[2]?.toUpperCase()}/${m[3]?.toLowerCase()}`;
  const rank = pnsRanks.find(([g]) => g === golongan);
  if (!rank) return null;
  const name = m[1]?.replace(/[ ,]+$/, '') ?? '';
  return { rank, name: name === '' ? null : name };
}

/** "Penata Muda Tk. I" and "penata muda tingkat i" are the same pangkat. */
function normalName(name: string): string {
  return name
    .toLowerCase()
    .replace(/\btk\.? ?i$/, 'tingkat i')
    .replace(/\s+/g, ' ')
    .trim();
}
