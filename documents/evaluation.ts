// The Dokumen Evaluasi Kinerja Pegawai of one period (TW1 ... or `akhir`): the capaian kinerja organisasi
// and the pola distribusi (empty until the penetapan records them), the hasil kerja with realisations,
// evidence and feedback, the ratings and the predikat, notes, and the signatures. Pure (input.ts).
import type {
  EvaluationFile,
  PeriodFile,
  RatingRecord,
  Realisation,
  SkpFile,
} from '../domain/appraisal/evaluation-file.ts';
import { periodDays } from '../domain/appraisal/evaluation-file.ts';
import { annualPeriod } from '../domain/cycle/periods.ts';
import { unitPredikatLabels } from '../domain/rating/distribution-rules.ts';
import { predikatLabels, ratingLabels } from '../domain/rating/predikat.ts';
import { berakhlakValues } from '../domain/review/berakhlak.ts';
import { localDateText } from '../domain/time/local-text.ts';
import { berakhlakLabels } from '../domain/vocabulary/berakhlak.ts';
import { type DocumentInput, identity, signatures } from './input.ts';
import { newestLayouts } from './layouts.ts';
import { type Block, type DocumentModel, fact } from './model.ts';
import { wordsFor } from './words.ts';

const roman = ['I', 'II', 'III', 'IV', 'V', 'VI'];

/** "TRIWULAN I", "BULAN 3", "SEMESTER II", "AKHIR". */
export function periodName(period: string, w: ReturnType<typeof wordsFor>): string {
  if (period === annualPeriod) return w('akhir');
  const n = Number(period.replace(/^\D+/, ''));
  if (period.startsWith('TW')) return `${w('triwulan')} ${roman[n - 1] ?? n}`;
  if (period.startsWith('S')) return `${w('semester')} ${roman[n - 1] ?? n}`;
  return `${w('bulan')} ${n}`;
}

/** The document in a layout of evaluations (layouts.ts): the newest unless an older one is re-derived. */
export function evaluationDocument(
  input: DocumentInput,
  period: string,
  layout: number = newestLayouts.evaluasi,
): DocumentModel {
  const { file, lang, year } = input;
  const w = wordsFor(lang);
  const akhir = period === annualPeriod;
  const periodFile = file.periods.find((p) => p.period === period);
  const rating: RatingRecord | null = akhir ? file.akhir.rating : (periodFile?.rating ?? null);
  const days = akhir ? { firstDay: `${year}-01-01`, lastDay: `${year}-12-31` } : periodDays(period, year);
  // A period is read against the SKP agreed in its own SKP period (after a mutasi, not the current one);
  // the akhir document against each SKP period's own, in order, when the year had several. Layout 1
  // read every period against the current SKP, layouts 1 and 2 the akhir against it as one part.
  const skp = akhir || !periodFile || layout < 2 ? file.skp : periodFile.skp;
  const parts = layout < 3 ? [{ skp: file.skp, periods: file.periods }] : akhirParts(file);
  const rows = akhir
    ? parts.flatMap((part, k) =>
        skpRows(w, {
          skp: part.skp,
          realisations: latestRealisations(part.periods),
          feedback: part.periods.flatMap((p) => p.feedback),
          keyPrefix: parts.length > 1 ? `skp${k + 1}.` : '',
        }),
      )
    : skpRows(w, {
        skp,
        realisations: realisationsOf(periodFile),
        feedback: periodFile?.feedback ?? [],
        keyPrefix: '',
      });
  const label = (r: RatingRecord['results'] | undefined) => (r ? ratingLabels[r][lang] : null);
  const blocks: Block[] = [
    {
      kind: 'fields',
      facts: [
        fact('org', w('organisation'), input.organisation.name),
        fact('period', w('assessmentPeriod'), `${days.firstDay} ${w('to')} ${days.lastDay}`),
      ],
    },
    ...identity(input),
    { kind: 'heading', text: w('capaian') },
    {
      kind: 'fields',
      facts: [
        fact('capaian', w('unitPredikat'), rating?.capaian ? unitPredikatLabels[rating.capaian] : null),
      ],
    },
    { kind: 'heading', text: w('pola') },
    // The unit's distribution pattern is recorded by the penetapan; until then it is left visibly empty.
    { kind: 'fields', facts: [fact('pola', w('pattern'), null)] },
    { kind: 'heading', text: w('results') },
    {
      kind: 'table',
      columns: [
        { title: w('no'), share: 0.05 },
        { title: w('rhk'), share: 0.19 },
        { title: w('indicator'), share: 0.19 },
        { title: w('target'), share: 0.11 },
        { title: w('realisation'), share: 0.14 },
        { title: w('evidence'), share: 0.16 },
        { title: w('feedback'), share: 0.16 },
      ],
      rows: rows.length > 0 ? rows : [[null, fact('rhk.none', w('rhk'), null), null, null, null, null, null]],
    },
    { kind: 'fields', facts: [fact('rating.results', w('ratingResults'), label(rating?.results))] },
    { kind: 'heading', text: w('behaviour') },
    {
      kind: 'table',
      columns: [
        { title: w('value'), share: 0.3 },
        { title: w('ekspektasi'), share: 0.4 },
        { title: w('feedback'), share: 0.3 },
      ],
      rows: berakhlakValues.map((v, i) => [
        fact(`perilaku.${v}`, w('value'), `${i + 1}. ${berakhlakLabels[v][lang]}`),
        fact(`ekspektasi.${v}`, w('ekspektasi'), skp?.ekspektasi?.[v] ?? null),
        fact(`perilaku.${v}.feedback`, w('feedback'), null),
      ]),
    },
    {
      kind: 'fields',
      facts: [
        fact('rating.behaviour', w('ratingBehaviour'), label(rating?.behaviour)),
        fact('predikat', w('predikat'), rating ? predikatLabels[rating.predikat] : null),
        fact('notes', w('notes'), rating?.feedback ?? null),
      ],
    },
  ];
  blocks.push(signatures(input, rating ? localDateText(rating.at, input.organisation.timeZone, lang) : null));
  return {
    kind: 'evaluasi',
    lang,
    title: w('evaluationTitle'),
    subtitle: `${w('period')}: ${periodName(period, w)}`,
    cycleId: file.cycleId,
    appraisalId: file.appraisalId,
    period,
    layout,
    fileName: `evaluasi-${period}-${file.employee.nip}.pdf`,
    blocks,
  };
}

function realisationsOf(p: PeriodFile | undefined): Map<string, Realisation> {
  return new Map((p?.realisation?.realisations ?? []).map((r) => [r.indicatorId, r]));
}

/**
 * The akhir document's parts: the whole year against the current SKP, or, in a year of several SKP
 * periods (a mutasi or promotion), each SKP period against the SKP agreed in it, with its own periods.
 */
function akhirParts(file: EvaluationFile): Array<{ skp: SkpFile | null; periods: PeriodFile[] }> {
  const skpPeriods = file.skpPeriods ?? [];
  if (skpPeriods.length < 2) return [{ skp: file.skp, periods: file.periods }];
  return skpPeriods.map((sp, i) => {
    const periods = file.periods.filter((p) => sp.periods.includes(p.period));
    const current = i === skpPeriods.length - 1;
    return { skp: periods.find((p) => p.skp)?.skp ?? (current ? file.skp : null), periods };
  });
}

/** The SKP's table rows: each RHK's indicators with target, realisation, evidence and the RHK's feedback. */
function skpRows(
  w: ReturnType<typeof wordsFor>,
  part: {
    skp: SkpFile | null;
    realisations: Map<string, Realisation>;
    feedback: PeriodFile['feedback'];
    keyPrefix: string;
  },
) {
  const { skp, realisations, keyPrefix: k } = part;
  const feedback = (rhkId: string) =>
    part.feedback
      .filter((f) => f.rhkId === rhkId)
      .map((f) => f.feedback)
      .join(' / ') || null;
  return (skp?.rhk ?? []).flatMap((r, i) =>
    r.indicators.map((ind, j) => {
      const real = realisations.get(ind.id);
      return [
        j === 0 ? fact(`${k}rhk.${r.id}.no`, w('no'), `${i + 1}`) : null,
        j === 0 ? fact(`${k}rhk.${r.id}.description`, w('rhk'), r.description) : null,
        fact(`${k}rhk.${r.id}.${ind.id}.description`, w('indicator'), ind.description),
        fact(
          `${k}rhk.${r.id}.${ind.id}.target`,
          w('target'),
          ind.targetValue !== undefined ? `${ind.targetValue} ${ind.satuan ?? ''}` : (ind.target ?? null),
        ),
        fact(`${k}rhk.${r.id}.${ind.id}.realisation`, w('realisation'), realisationText(real, ind.satuan)),
        fact(
          `${k}rhk.${r.id}.${ind.id}.evidence`,
          w('evidence'),
          (real?.evidence ?? []).map((e) => [e.url, e.note].filter(Boolean).join(' ')).join(' ; ') || null,
        ),
        j === 0 ? fact(`${k}rhk.${r.id}.feedback`, w('feedback'), feedback(r.id)) : null,
      ];
    }),
  );
}

/** For the akhir document: each indicator's last recorded realisation of the year. */
function latestRealisations(periods: readonly PeriodFile[]): Map<string, Realisation> {
  const found = new Map<string, Realisation>();
  for (const p of periods) for (const [id, r] of realisationsOf(p)) found.set(id, r);
  return found;
}

function realisationText(r: Realisation | undefined, satuan: string | undefined): string | null {
  if (!r) return null;
  if (r.amount !== undefined) return `${r.amount}${satuan ? ` ${satuan}` : ''}`;
  return r.value ?? null;
}
