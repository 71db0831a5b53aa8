// The integrity findings of one cycle (integrity-findings.ts) over its events in the log, and their
// sentences in Bahasa Indonesia or English with times in the organisation's zone.
import type { Kysely, RawBuilder, SqlBool } from 'kysely';
import { cycleStreamId } from '../domain/ids.ts';
import { unitPredikatLabels } from '../domain/rating/distribution-rules.ts';
import { predikatLabels } from '../domain/rating/predikat.ts';
import { localStampText } from '../domain/time/local-text.ts';
import { fill } from '../domain/vocabulary/vocabulary.ts';
import { cycleStreamCondition } from '../record/projections/cycle-streams.ts';
import type { Database } from '../schema/database.ts';
import { AuditError } from './errors.ts';
import { type IntegrityFinding, type IntegrityRule, integrityFindings } from './integrity-findings.ts';

export async function integrityFindingsOf(
  db: Kysely<Database>,
  cycleId: string,
): Promise<IntegrityFinding[]> {
  const rows = await db
    .selectFrom('events')
    .select(['stream_id', 'type', 'data'])
    .where(cycleStreamCondition(cycleId) as RawBuilder<SqlBool>)
    .orderBy('global_position')
    .execute();
  if (rows.length === 0) throw new AuditError('not_found', `no events of cycle ${cycleId}`);
  return integrityFindings(
    rows.map((r) => ({ streamId: r.stream_id, type: r.type, data: r.data })),
    cycleStreamId(cycleId),
  );
}

type Lang = 'id' | 'en';

const sentences: Record<Lang, Record<IntegrityRule, string>> = {
  id: {
    ratingChangedAfterFinding:
      'Predikat diubah dari {from} menjadi {to}, {hours} jam setelah temuan kurva distribusi unit {unit}.',
    sharedEvidence: 'Tautan bukti dukung {url} dipakai oleh {appraisals} penilaian.',
    lastMinuteBulk:
      '{appraisals} pegawai unit {unit} mencatat realisasi {period} dalam {minutes} menit terakhir jendelanya.',
    samePredikatForAll:
      'Pejabat penilai {rater} memberi {rated} pegawai predikat yang sama, {predikat} ({period}).',
    hastyObjectionDecision: 'Keberatan diputus {minutes} menit setelah diajukan ({decision}, oleh {by}).',
    capaianChangedAfterRatings:
      'Capaian kinerja organisasi unit {unit} ({period}) diubah dari {from} menjadi {to} oleh {by} setelah penilaian pegawainya diketahui.',
  },
  en: {
    ratingChangedAfterFinding:
      "The predikat changed from {from} to {to}, {hours} hours after unit {unit}'s distribution finding.",
    sharedEvidence: 'The evidence link {url} is used by {appraisals} appraisals.',
    lastMinuteBulk:
      '{appraisals} employees of unit {unit} recorded their {period} realisation in the last {minutes} minutes of its window.',
    samePredikatForAll: 'Rater {rater} gave {rated} employees the same predikat, {predikat} ({period}).',
    hastyObjectionDecision:
      'The objection was decided {minutes} minutes after it was filed ({decision}, by {by}).',
    capaianChangedAfterRatings:
      "Unit {unit}'s capaian kinerja organisasi ({period}) was changed from {from} to {to} by {by} after its employees' ratings were known.",
  },
};

const decisions: Record<Lang, Record<string, string>> = {
  id: { upheld: 'penilaian dipertahankan', changed: 'penilaian diubah' },
  en: { upheld: 'rating upheld', changed: 'rating changed' },
};

const label = (code: string | number) =>
  String(
    (predikatLabels as Record<string, string>)[String(code)] ??
      (unitPredikatLabels as Record<string, string>)[String(code)] ??
      code,
  );

/** The finding as a sentence, its time in the zone with the zone's name. */
export function integrityFindingText(finding: IntegrityFinding, lang: Lang, timeZone: string): string {
  const facts = Object.fromEntries(
    Object.entries(finding.facts).map(([k, v]) => [
      k,
      k === 'decision'
        ? (decisions[lang][String(v)] ?? v)
        : ['from', 'to', 'predikat'].includes(k)
          ? label(v)
          : v,
    ]),
  );
  return `${localStampText(finding.at, timeZone)}  ${fill(sentences[lang][finding.rule], { ...facts, unit: finding.unitCode ?? '' })}`;
}
