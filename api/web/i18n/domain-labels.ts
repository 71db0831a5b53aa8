// Labels the domain already keeps in both languages (ratings, BerAKHLAK values, distribution rules, and
// the vocabulary of task kinds, steps and events) and the official predikat names (the same in every
// language), as catalogue entries: one source of truth.

import { sebagianBesarRule, sebagianBesarText } from '../../../domain/rating/curve-check.ts';
import {
  distributionRules,
  unitPredikatLabels,
  unitPredikats,
} from '../../../domain/rating/distribution-rules.ts';
import { predikatLabels, predikats, ratingLabels, ratings } from '../../../domain/rating/predikat.ts';
import { berakhlakValues } from '../../../domain/review/berakhlak.ts';
import { berakhlakGuidance, berakhlakLabels, berakhlakScale } from '../../../domain/vocabulary/berakhlak.ts';
import { type Lang, vocabularies } from '../../../domain/vocabulary/vocabulary.ts';

export function domainLabels(lang: Lang): Record<string, string> {
  const words = vocabularies[lang];
  const entries: Array<[string, string]> = [
    ...predikats.map((p): [string, string] => [`predikat.${p}`, predikatLabels[p]]),
    ...unitPredikats.map((p): [string, string] => [`unitPredikat.${p}`, unitPredikatLabels[p]]),
    ...ratings.map((r): [string, string] => [`rating.${r}`, ratingLabels[r][lang]]),
    ...berakhlakValues.map((v): [string, string] => [`berakhlak.${v}`, berakhlakLabels[v][lang]]),
    ...berakhlakValues.map((v): [string, string] => [`berakhlakGuide.${v}`, berakhlakGuidance[v][lang]]),
    ...([1, 2, 3, 4, 5] as const).map((n): [string, string] => [`score.${n}`, berakhlakScale[n][lang]]),
    ...Object.values(distributionRules)
      .flat()
      .map((r): [string, string] => [`rule.${r.code}`, r.text[lang]]),
    [`rule.${sebagianBesarRule}`, sebagianBesarText[lang]],
    ...Object.entries(words.taskKinds).map(([kind, name]): [string, string] => [`task.${kind}`, name]),
    ...Object.entries(words.standardsTaskKinds).map(([kind, name]): [string, string] => [
      `task.${kind}`,
      name,
    ]),
    ...Object.entries(words.steps).map(([step, name]): [string, string] => [`step.${step}`, name]),
    ...Object.entries(words.events).map(([type, text]): [string, string] => [`event.${type}`, text]),
  ];
  return Object.fromEntries(entries);
}
