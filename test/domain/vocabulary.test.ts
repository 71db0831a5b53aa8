// One vocabulary per language for the web, the e-mails and the timeline: every task kind, step and event
// type the domain has must be named in both, so a new one without words fails here.
import { describe, expect, it } from 'vitest';
import { steps, taskKinds } from '../../domain/appraisal/types.ts';
import { eventSchemas } from '../../domain/event-registry.ts';
import { standardsTaskKinds } from '../../domain/standards/task-kinds.ts';
import {
  fill,
  inSentence,
  languages,
  taskKindName,
  vocabularies,
} from '../../domain/vocabulary/vocabulary.ts';

const variants = [
  'appraisal.started:rejoined',
  'appraisal.stepEntered:due',
  'objection.decided:changed',
  'objection.decided:ratings',
  'task.expired:agreed',
  'cycle.unitCalibrated:broken',
  'cycle.unitCalibrated:conforms',
  'cycle.unitCalibrated:findings',
  'cycle.penetapanSigned:conforming',
  'cycle.calibrationDecided:partial',
  'cycle.periodPenetapanSigned:conforming',
  'cycle.unitPredikatSet:period',
  'cycle.curveRechecked:conforms',
  'cycle.curveRechecked:findings',
];
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('the vocabulary', () => {
  it.each(languages)(
    'names every task kind, step and event type of the domain in %s, and nothing else',
    (lang) => {
      const words = vocabularies[lang];
      const named = (record: Readonly<Record<string, string>>, keys: readonly string[]) => {
        expect(Object.keys(record).sort()).toEqual([...keys].sort());
        for (const key of keys) expect(record[key]?.trim(), `${lang} ${key}`).toBeTruthy();
      };
      named(words.taskKinds, taskKinds);
      named(words.standardsTaskKinds, standardsTaskKinds);
      named(words.steps, steps);
      named(words.events, [...Object.keys(eventSchemas), ...variants]);
    },
  );

  it('gives an event the same values to say in Bahasa Indonesia and in English', () => {
    for (const [key, text] of Object.entries(vocabularies.id.events))
      expect(placeholders(vocabularies.en.events[key as keyof typeof vocabularies.en.events]), key).toEqual(
        placeholders(text),
      );
  });

  it('names no two task kinds or steps alike', () => {
    for (const lang of languages) {
      const { taskKinds: kinds, steps: stepNames } = vocabularies[lang];
      expect(new Set(Object.values(kinds)).size).toBe(taskKinds.length);
      expect(new Set(Object.values(stepNames)).size).toBe(steps.length);
    }
  });

  it('fills a sentence once, keeps an unknown placeholder, and puts labels mid-sentence', () => {
    expect(fill('{by} berkata “{comment}” {x}', { by: 'Atasan', comment: '{by}' })).toBe(
      'Atasan berkata “{by}” {x}',
    );
    expect(['Penyusunan SKP', 'SKP agreement', '360° review', 'Rating'].map(inSentence)).toEqual([
      'penyusunan SKP',
      'SKP agreement',
      '360° review',
      'rating',
    ]);
    expect(taskKindName('en', 'signAgreement')).toBe('Sign the SKP');
    expect(taskKindName('id', 'reviewStandard')).toBe('Tanggapi rancangan standar kinerja jabatan');
    expect(taskKindName('id', 'retiredKind')).toBe('retiredKind');
    expect(taskKindName('id', 'toString')).toBe('toString');
  });
});
