// The words of the audit timeline in Bahasa Indonesia and English: who acted, and in which review role
// (task kinds, steps and the events' sentences are domain/vocabulary's).
import type { AppraisalState } from '../domain/appraisal/state.ts';
import { parseSystemActor, parseTaskId } from '../domain/ids.ts';
import { localDateText } from '../domain/time/local-text.ts';
import { type Lang, taskKindName } from '../domain/vocabulary/vocabulary.ts';

export type { Lang };

export type Who =
  | 'employee'
  | 'supervisor'
  | 'acting'
  | 'superior'
  | 'hr'
  | 'system'
  | 'reviewer'
  | 'someone';

const whoWords: Record<Who, Record<Lang, string>> = {
  employee: { id: 'Pegawai', en: 'The employee' },
  supervisor: { id: 'Atasan', en: 'The supervisor' },
  acting: { id: 'Pelaksana tugas pejabat penilai', en: 'The acting rater' },
  superior: { id: 'Atasan pejabat penilai', en: "The supervisor's superior" },
  hr: { id: 'HR', en: 'HR' },
  system: { id: 'Sistem', en: 'The system' },
  reviewer: { id: 'Penilai', en: 'A reviewer' },
  someone: { id: 'Pengguna', en: 'A user' },
};

/** The subject of a sentence: "Atasan", "The supervisor". */
export function subject(who: Who, lang: Lang): string {
  return whoWords[who][lang];
}

/** The same in the middle of a sentence: "atasan", "the supervisor" (HR stays HR). */
export function object(who: Who, lang: Lang): string {
  const word = whoWords[who][lang];
  return who === 'hr' ? word : word.charAt(0).toLowerCase() + word.slice(1);
}

/** Who a NIP (or `system:<component>`) is in this appraisal. */
export function whoIs(actor: string | null, state: AppraisalState | null): Who {
  if (!actor) return 'someone';
  if (parseSystemActor(actor) !== undefined) return 'system';
  const p = state?.participants;
  if (actor === p?.employee.nip) return 'employee';
  if (actor === state?.acting?.nip) return 'acting';
  if (actor === p?.supervisorNip) return 'supervisor';
  if (actor === p?.superiorNip) return 'superior';
  if (state?.review.peerNips.includes(actor) || p?.subordinateNips.includes(actor)) return 'reviewer';
  return 'hr';
}

/** "“Usulkan RHK dan indikator (SKP)”" for a task id `<appraisalId>:<kind>[:<qualifier>]`. */
export function taskWord(taskId: string, lang: Lang): string {
  const kind = parseTaskId(taskId)?.kind;
  return `“${kind ? taskKindName(lang, kind) : taskId}”`;
}

export const reviewRoleWords: Record<'self' | 'supervisor' | 'peer' | 'subordinate', Record<Lang, string>> = {
  self: { id: 'diri sendiri', en: 'self' },
  supervisor: { id: 'atasan', en: 'supervisor' },
  peer: { id: 'rekan kerja', en: 'peer' },
  subordinate: { id: 'bawahan', en: 'subordinate' },
};

/** A rating an objection's decision changed: "rating hasil kerja dari Sesuai Ekspektasi menjadi ...". */
export const ratingChangeWords: Record<'results' | 'behaviour', Record<Lang, string>> = {
  results: {
    id: 'rating hasil kerja dari {from} menjadi {to}',
    en: 'the results rating from {from} to {to}',
  },
  behaviour: {
    id: 'rating perilaku kerja dari {from} menjadi {to}',
    en: 'the behaviour rating from {from} to {to}',
  },
};

/**
 * Which regulation pack a decision was made under, after its sentence: " (aturan asn-2023, berlaku sejak
 * 1 Jan 2023)", the day written as the timeline's other days are; nothing for an event that records none
 * (every event of before the packs).
 */
export function packNote(data: unknown, lang: Lang): string {
  const pack = (data as { pack?: { id?: unknown; effectiveFrom?: unknown } } | null)?.pack;
  if (typeof pack?.id !== 'string' || typeof pack.effectiveFrom !== 'string') return '';
  // A calendar day, not an instant: written as that day wherever the reader is.
  const from = /^\d{4}-\d{2}-\d{2}$/.test(pack.effectiveFrom)
    ? localDateText(`${pack.effectiveFrom}T00:00:00Z`, 'UTC', lang)
    : pack.effectiveFrom;
  return lang === 'id'
    ? ` (aturan ${pack.id}, berlaku sejak ${from})`
    : ` (rules ${pack.id}, in force from ${from})`;
}
