// The sentence of a curve check's finding (domain/rating/finding.ts) in every language, so a page in
// Bahasa Indonesia says it in Bahasa Indonesia. The English is what the events store as a finding's
// `message` and must stay byte for byte as it was: replays, penetapan documents and their seals rely on it.
import type { Finding } from '../rating/finding.ts';
import { predikatLabels } from '../rating/predikat.ts';
import { fill } from './fill.ts';
import type { Lang, Words } from './types.ts';

export const findingSentences = {
  /** The counts of a rule: "8 of 10 (80%) are Baik". */
  'found.one': {
    id: '{actual} dari {total} pegawai ({share}) berpredikat {who}',
    en: '{actual} of {total} ({share}) is {who}',
  },
  'found.many': {
    id: '{actual} dari {total} pegawai ({share}) berpredikat {who}',
    en: '{actual} of {total} ({share}) are {who}',
  },
  /** The names of the predikat a rule counts, joined. */
  or: { id: ' atau ', en: ' or ' },
  'percent.atMost': {
    id: '{found}; yang diperbolehkan paling banyak {percent}% ({limit} pegawai)',
    en: '{found}; at most {percent}% ({limit}) allowed',
  },
  'percent.atLeast': {
    id: '{found}; yang dipersyaratkan paling sedikit {percent}% ({limit} pegawai)',
    en: '{found}; at least {percent}% ({limit}) required',
  },
  'count.none': { id: '{found}; tidak seorang pun diperbolehkan', en: '{found}; none allowed' },
  'count.atMost': {
    id: '{found}; yang diperbolehkan paling banyak {limit} pegawai',
    en: '{found}; at most {limit} allowed',
  },
  'count.atLeast': {
    id: '{found}; yang dipersyaratkan paling sedikit {limit} pegawai',
    en: '{found}; at least {limit} required',
  },
  noneRated: { id: 'belum ada pegawai yang dinilai', en: 'no rated employees' },
  largest: {
    id: '{actual} dari {total} pegawai berpredikat {own}: kelompok terbesar',
    en: '{actual} of {total} are {own}: the largest group',
  },
  notLargest: {
    id: '{limit} dari {total} pegawai berpredikat {largest}, lebih banyak daripada {actual} pegawai berpredikat {own}; sebagian besar seharusnya berpredikat {own}',
    en: '{limit} of {total} are {largest}, more than the {actual} {own}; most should be {own}',
  },
} as const satisfies Record<string, Words>;

/** The decimal mark of a share: 57,1% in Bahasa Indonesia, 57.1% in English. */
const decimalMark: Words = { id: ',', en: '.' };

/** A share in tenths of a percent as text: 571 → "57.1%" (en) or "57,1%" (id); 600 → "60%". */
export function shareText(lang: Lang, tenths: number): string {
  const whole = Math.floor(tenths / 10);
  const decimal = tenths % 10;
  return decimal === 0 ? `${whole}%` : `${whole}${decimalMark[lang]}${decimal}%`;
}

/** The finding's sentence in `lang`; predikat keep their official names in every language. */
export function findingText(lang: Lang, finding: Finding): string {
  const say = (key: keyof typeof findingSentences, values: Record<string, string | number>) =>
    fill(findingSentences[key][lang], values);
  switch (finding.kind) {
    case 'noneRated':
      return findingSentences.noneRated[lang];
    case 'largest':
      return say('largest', { ...finding, own: predikatLabels[finding.own] });
    case 'notLargest':
      return say('notLargest', {
        ...finding,
        own: predikatLabels[finding.own],
        largest: predikatLabels[finding.largest],
      });
    case 'bound': {
      const who = finding.predikats.map((p) => predikatLabels[p]).join(findingSentences.or[lang]);
      const found = say(finding.actual === 1 ? 'found.one' : 'found.many', {
        actual: finding.actual,
        total: finding.total,
        share: shareText(lang, finding.shareTenths),
        who,
      });
      const values = { found, limit: finding.limit, percent: finding.percent ?? '' };
      if (finding.percent !== undefined) return say(`percent.${finding.bound}`, values);
      if (finding.bound === 'atMost' && finding.limit === 0) return say('count.none', values);
      return say(`count.${finding.bound}`, values);
    }
  }
}

/**
 * The facts of a finding read back from an event, which stores only its rule and English sentence: the
 * fact among `facts` (the curve checked again from the counts it was checked on) of the same rule whose
 * English is exactly the stored sentence, else null (checked on other counts, or under a pack that is
 * not known here): then only the stored sentence is known.
 */
export function storedFinding(
  stored: { rule: string; message: string },
  facts: readonly Finding[],
): Finding | null {
  return facts.find((f) => f.rule === stored.rule && findingText('en', f) === stored.message) ?? null;
}

/**
 * The calibration's own notes on a unit not ready to release, in every language. The cycle stores the
 * English sentence with its values inside (activities/calibrate-units.ts writes it with `calibrationNote`);
 * pages read it back by that same wording.
 */
const calibrationNoteWords = {
  'unit.predikatMissing': {
    id: 'HR belum menetapkan predikat unit {unit}',
    en: 'HR has not set the predikat of unit {unit}',
  },
  'unit.ratingsPending': {
    id: '{count} rating akhir di unit {unit} belum ditetapkan (yang menetapkannya atasan pejabat penilai atau HR)',
    en: "{count} akhir rating(s) in unit {unit} are not set yet (the rater's superior or HR rates them)",
  },
} as const satisfies Record<string, Words>;

export type CalibrationNoteRule = keyof typeof calibrationNoteWords;

/** A calibration note as the cycle stores it: its rule and its English sentence. */
export function calibrationNote(
  rule: CalibrationNoteRule,
  values: Readonly<Record<string, string | number>>,
): { rule: CalibrationNoteRule; message: string } {
  return { rule, message: fill(calibrationNoteWords[rule].en, values) };
}

/** The English wording as a pattern: each `{name}` captures one word, in order. */
function englishPattern(template: string): { pattern: RegExp; names: string[] } {
  const names = [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? '');
  const escaped = template
    .split(/\{\w+\}/)
    .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('(\\S+)');
  return { pattern: new RegExp(`^${escaped}$`), names };
}

function calibrationNoteText(lang: Lang, stored: { rule: string; message: string }): string | null {
  if (lang === 'en' || !Object.hasOwn(calibrationNoteWords, stored.rule)) return null;
  const words = calibrationNoteWords[stored.rule as CalibrationNoteRule];
  const { pattern, names } = englishPattern(words.en);
  const values = pattern.exec(stored.message);
  if (!values) return null;
  return fill(words[lang], Object.fromEntries(names.map((name, i) => [name, values[i + 1] ?? ''])));
}

/**
 * A stored finding's sentence in `lang`, from its facts (or, for the calibration's own notes, from their
 * wording); the stored English sentence without them.
 */
export function storedFindingText(
  lang: Lang,
  stored: { rule: string; message: string },
  facts: readonly Finding[],
): string {
  const finding = storedFinding(stored, facts);
  if (finding) return findingText(lang, finding);
  return calibrationNoteText(lang, stored) ?? stored.message;
}
