// The Format Penetapan Predikat Kinerja of one unit and period: the unit's capaian kinerja organisasi, the
// pola distribusi it implies, everyone's predikat, the calibration's findings, and the penetapan's signature
// with its justification per finding (empty while unsigned, or for a cycle from before penetapans). Pure,
// from what penetapan-issue.ts read as of the seal's position.
import { annualPeriod } from '../domain/cycle/periods.ts';
import {
  distributionRuleTexts,
  type UnitPredikat,
  unitPredikatLabels,
} from '../domain/rating/distribution-rules.ts';
import type { Finding } from '../domain/rating/finding.ts';
import { type Predikat, predikatLabels } from '../domain/rating/predikat.ts';
import { localDateText } from '../domain/time/local-text.ts';
import { storedFindingText } from '../domain/vocabulary/findings.ts';
import type { Lang } from '../domain/vocabulary/languages.ts';
import { periodName } from './evaluation.ts';
import { newestLayouts } from './layouts.ts';
import { type Block, type DocumentModel, fact } from './model.ts';
import { wordsFor } from './words.ts';

export interface PenetapanInput {
  cycleId: string;
  year: number;
  organisation: { name: string; timeZone: string };
  unit: { code: string; name: string };
  period: string;
  capaian: { predikat: UnitPredikat; at: string } | null;
  calibration: { ok: boolean; violations: Array<{ rule?: string; message: string }>; at: string } | null;
  people: Array<{ nip: string; name: string | null; position: string | null; predikat: Predikat | null }>;
  lang: Lang;
  /**
   * The facts of the curves checked for this unit and period (every rule's), from which layout 4 words a
   * stored finding in `lang`; a finding none of them gives is printed as stored (in English).
   */
  facts?: readonly Finding[];
  /**
   * The penetapan of this period (TW1 ... or the year's), once opened: its findings, and the signature
   * (null while unsigned) with the signer's name. Absent before it opened (or before penetapans existed).
   */
  holding?: {
    findings: Array<{ rule: string; message: string }>;
    signed: {
      by: string;
      name: string | null;
      as: 'leader' | 'superior' | 'hr';
      at: string;
      conforming: boolean;
      justifications: Array<{ rule: string; text: string }>;
    } | null;
  };
}

const signedAs = { leader: 'signedLeader', superior: 'signedSuperior', hr: 'signedHr' } as const;

export const penetapanSubject = (cycleId: string, unitCode: string) => `${cycleId}:${unitCode}`;

/** The document in a layout of penetapans (layouts.ts): the newest unless an older one is re-derived. */
export function penetapanDocument(
  input: PenetapanInput,
  layout: number = newestLayouts.penetapan,
): DocumentModel {
  const { lang, unit, period, capaian, calibration } = input;
  const w = wordsFor(lang);
  const akhir = period === annualPeriod;
  // Layouts 1-3 printed the findings' stored English sentences; 4 words them in the document's language.
  const say = (f: { rule?: string | undefined; message: string }) =>
    layout >= 4 && f.rule !== undefined
      ? storedFindingText(lang, { rule: f.rule, message: f.message }, input.facts ?? [])
      : f.message;
  const findings = calibration
    ? calibration.ok
      ? w('patternMet')
      : calibration.violations.map(say).join(' / ') || w('patternNotMet')
    : null;
  const pattern = capaian
    ? distributionRuleTexts(capaian.predikat)
        .map((r) => r[lang])
        .join(' / ')
    : null;
  // Layout 1 printed no penetapan's signature; layout 2 a period's only.
  const holding = layout >= 3 || (layout === 2 && !akhir) ? input.holding : undefined;
  const signed = holding?.signed ?? null;
  const decidedAt = signed?.at ?? calibration?.at ?? capaian?.at;
  // A period's findings and the justification are its penetapan's, as opened and signed.
  const periodFindings = holding
    ? holding.findings.length === 0
      ? w('patternMet')
      : holding.findings.map(say).join(' / ')
    : null;
  const justification = signed
    ? signed.justifications
        .map((j) => {
          const finding = holding?.findings.find((f) => f.rule === j.rule);
          return `${finding ? say(finding) : j.rule}: ${j.text}`;
        })
        .join(' / ') || w('patternMet')
    : null;
  const blocks: Block[] = [
    {
      kind: 'fields',
      facts: [
        fact('org', w('organisation'), input.organisation.name),
        fact('unit', w('unit'), `${unit.name} (${unit.code})`),
        fact(
          'period',
          w('assessmentPeriod'),
          akhir ? `${w('akhir')} ${input.year}` : `${periodName(period, w)} ${input.year}`,
        ),
      ],
    },
    { kind: 'heading', text: w('capaian') },
    {
      kind: 'fields',
      facts: [fact('capaian', w('unitPredikat'), capaian ? unitPredikatLabels[capaian.predikat] : null)],
    },
    { kind: 'heading', text: w('pola') },
    { kind: 'fields', facts: [fact('pola', w('pattern'), pattern)] },
    { kind: 'heading', text: w('predikat') },
    {
      kind: 'table',
      columns: [
        { title: w('no'), share: 0.06 },
        { title: w('name'), share: 0.3 },
        { title: w('nip'), share: 0.22 },
        { title: w('position'), share: 0.22 },
        { title: w('predikatShort'), share: 0.2 },
      ],
      rows: input.people.map((p, i) => [
        fact(`person.${p.nip}.no`, w('no'), `${i + 1}`),
        fact(`person.${p.nip}.name`, w('name'), p.name),
        fact(`person.${p.nip}.nip`, w('nip'), p.nip),
        fact(`person.${p.nip}.position`, w('position'), p.position),
        fact(`person.${p.nip}.predikat`, w('predikatShort'), p.predikat ? predikatLabels[p.predikat] : null),
      ]),
    },
    { kind: 'heading', text: w('findings') },
    {
      kind: 'fields',
      facts: [
        fact('findings', w('findingsLabel'), akhir ? findings : periodFindings),
        fact('justification', w('justification'), justification),
        ...(holding
          ? [
              fact(
                'signed',
                w('penetapanSigned'),
                signed
                  ? `${signed.name ?? signed.by} (NIP ${signed.by}), ${w(signedAs[signed.as])}`
                  : w('notSigned'),
              ),
            ]
          : []),
      ],
    },
    {
      kind: 'signatures',
      columns: [
        [fact('sign.place', w('place'), input.organisation.name)],
        [
          fact(
            'sign.date',
            w('date'),
            decidedAt ? localDateText(decidedAt, input.organisation.timeZone, lang) : null,
          ),
        ],
      ],
    },
  ];
  return {
    kind: 'penetapan',
    lang,
    title: w('penetapanTitle'),
    subtitle: `${w('period')}: ${periodName(period, w)}`,
    cycleId: input.cycleId,
    appraisalId: penetapanSubject(input.cycleId, unit.code),
    period,
    layout,
    fileName: `penetapan-${unit.code}-${period}.pdf`,
    blocks,
  };
}
