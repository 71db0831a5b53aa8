// The decision on an objection (keberatan) to the akhir predikat: the objection as filed, the
// explanations the superior asked of the rater and the employee (each answer, or that none came by its
// deadline), the decision with the ratings and predikat it sets and its reasons, signed by the official
// who decided. Pure, from the appraisal's events.
import type { AppraisalEventData } from '../domain/appraisal/events.ts';
import { predikatLabels, ratingLabels } from '../domain/rating/predikat.ts';
import { localDateText } from '../domain/time/local-text.ts';
import { type DocumentInput, identity } from './input.ts';
import { newestLayouts } from './layouts.ts';
import { type Block, type DocumentModel, fact } from './model.ts';
import { wordsFor } from './words.ts';

/** The document in a layout of keberatan decisions (layouts.ts): the newest unless an older one is re-derived. */
export function keberatanDocument(
  input: DocumentInput,
  layout: number = newestLayouts.keberatan,
): DocumentModel {
  const { file, lang, organisation } = input;
  const w = wordsFor(lang);
  let filed: AppraisalEventData<'objection.filed'> | null = null;
  let decided: AppraisalEventData<'objection.decided'> | null = null;
  // Each party's answer to the superior's request, in the order given (a missed deadline says so).
  const explained: Record<'rater' | 'employee', string[]> = { rater: [], employee: [] };
  for (const event of input.events) {
    if (event.type === 'objection.filed') filed = event.data;
    if (event.type === 'objection.decided') decided = event.data;
    if (event.type === 'objection.explained') explained[event.data.from].push(event.data.explanation);
    if (event.type === 'objection.explanationMissed') explained[event.data.from].push(w('explanationMissed'));
  }
  const explanation = (from: 'rater' | 'employee') => explained[from].join(' / ') || null;
  const day = (at: string | undefined) => (at ? localDateText(at, organisation.timeZone, lang) : null);
  const decider = decided ? (input.names.get(decided.by) ?? null) : null;
  const blocks: Block[] = [
    {
      kind: 'fields',
      facts: [
        fact('org', w('organisation'), organisation.name),
        fact('period', w('assessmentPeriod'), `${input.year}-01-01 ${w('to')} ${input.year}-12-31`),
      ],
    },
    ...identity(input),
    { kind: 'heading', text: w('objection') },
    {
      kind: 'fields',
      facts: [
        fact('objection.filedAt', w('filedAt'), day(filed?.at)),
        fact('objection.reasons', w('reasons'), filed?.reasons ?? null),
      ],
    },
    { kind: 'heading', text: w('explanations') },
    {
      kind: 'fields',
      // Layout 1 printed the rater's explanation as an empty field, and no employee's.
      facts:
        layout < 2
          ? [fact('objection.explanation', w('raterExplanation'), null)]
          : [
              fact('objection.explanation', w('raterExplanation'), explanation('rater')),
              fact('objection.explanation.employee', w('employeeExplanation'), explanation('employee')),
            ],
    },
    { kind: 'heading', text: w('decision') },
    {
      kind: 'fields',
      facts: [
        fact(
          'decision',
          w('decision'),
          decided ? w(decided.decision === 'upheld' ? 'upheld' : 'changed') : null,
        ),
        fact(
          'decision.previous',
          w('previousPredikat'),
          decided ? predikatLabels[decided.previousPredikat] : null,
        ),
        fact('rating.results', w('ratingResults'), decided ? ratingLabels[decided.results][lang] : null),
        fact(
          'rating.behaviour',
          w('ratingBehaviour'),
          decided ? ratingLabels[decided.behaviour][lang] : null,
        ),
        fact('predikat', w('predikat'), decided ? predikatLabels[decided.predikat] : null),
        fact('decision.reason', w('decisionReason'), decided?.reason ?? null),
      ],
    },
    {
      kind: 'signatures',
      columns: [
        [
          fact('sign.place', w('place'), organisation.name),
          fact('sign.decider.title', w('signature'), w('decider')),
          fact('sign.decider.signName', w('name'), decider),
          fact('sign.decider.signNip', w('nip'), `NIP ${decided?.by ?? '-'}`),
        ],
        [
          fact('sign.date', w('date'), day(decided?.at)),
          fact('sign.employee.title', w('signature'), w('employee')),
          fact('sign.employee.signName', w('name'), input.employee?.name ?? file.employee.name),
          fact('sign.employee.signNip', w('nip'), `NIP ${file.employee.nip}`),
        ],
      ],
    },
  ];
  return {
    kind: 'keberatan',
    lang,
    title: w('keberatanTitle'),
    subtitle: `${w('period')}: ${w('akhir')} ${input.year}`,
    cycleId: file.cycleId,
    appraisalId: file.appraisalId,
    period: null,
    layout,
    fileName: `keberatan-${file.employee.nip}.pdf`,
    blocks,
  };
}

/** Whether the appraisal has an objection to print. */
export const hasObjection = (input: DocumentInput) => input.events.some((e) => e.type === 'objection.filed');
