// What a document is made from: the appraisal's file folded from its stream up to the sealed version,
// the parties as the organisation lists them, the organisation's name and zone, and the language.
import type { EvaluationFile } from '../domain/appraisal/evaluation-file.ts';
import type { AppraisalEvent } from '../domain/appraisal/events.ts';
import type { Lang } from '../domain/vocabulary/languages.ts';
import type { StaffCard } from '../record/read/people.ts';
import { type Block, fact } from './model.ts';
import { wordsFor } from './words.ts';

export interface DocumentInput {
  file: EvaluationFile;
  /** The appraisal's events the file was folded from (the objection's document reads them). */
  events: AppraisalEvent[];
  /** Names of the people the events name, by NIP. */
  names: Map<string, string>;
  year: number;
  employee: StaffCard | null;
  rater: StaffCard | null;
  organisation: { name: string; timeZone: string };
  /** The supervisor's agreed RHK the employee's cascade from, by id → description. */
  parentLabels: Map<string, string>;
  lang: Lang;
}

function person(prefix: string, card: StaffCard | null, nip: string | null, lang: DocumentInput['lang']) {
  const w = wordsFor(lang);
  return [
    fact(`${prefix}.name`, w('name'), card?.name ?? null),
    fact(`${prefix}.nip`, w('nip'), card?.nip ?? nip),
    fact(`${prefix}.rank`, w('rank'), card?.rank ?? null),
    fact(`${prefix}.position`, w('position'), card?.position ?? null),
    fact(`${prefix}.unit`, w('unit'), card?.unit ?? null),
  ];
}

/** The identity blocks: the employee assessed and the rater. */
export function identity(input: DocumentInput): Block[] {
  const w = wordsFor(input.lang);
  return [
    { kind: 'heading', text: w('employee') },
    { kind: 'fields', facts: person('employee', input.employee, input.file.employee.nip, input.lang) },
    { kind: 'heading', text: w('rater') },
    { kind: 'fields', facts: person('rater', input.rater, input.file.rater?.nip ?? null, input.lang) },
  ];
}

/** Place and date, then the two who sign: the employee and the rater (names and NIPs). */
export function signatures(input: DocumentInput, day: string | null): Block {
  const w = wordsFor(input.lang);
  const column = (prefix: string, title: string, card: StaffCard | null, nip: string | null) => [
    fact(`${prefix}.title`, w('signature'), title),
    fact(`${prefix}.signName`, w('name'), card?.name ?? null),
    fact(`${prefix}.signNip`, w('nip'), `NIP ${card?.nip ?? nip ?? '-'}`),
  ];
  return {
    kind: 'signatures',
    columns: [
      [
        fact('sign.place', w('place'), input.organisation.name),
        ...column('sign.rater', w('rater'), input.rater, input.file.rater?.nip ?? null),
      ],
      [
        fact('sign.date', w('date'), day),
        ...column('sign.employee', w('employee'), input.employee, input.file.employee.nip),
      ],
    ],
  };
}
