// The periodic evaluations folded from their events, one entry per period (see state.ts).

import type { Predikat, Rating } from '../rating/predikat.ts';
import type { AppraisalEvent } from './events.ts';

/** A rating as set, a period's or the akhir one: the ratings, the predikat and feedback, who set it and when. */
export interface SetRating {
  results: Rating;
  behaviour: Rating;
  predikat: Predikat;
  feedback: string;
  /** The rater, or the rater's superior or HR once the rating had passed to them. */
  as: 'rater' | 'superior' | 'hr';
  by: string;
  at: string;
}

export interface PeriodEvaluation {
  deadline: string;
  realisationAt: string | null;
  feedback: Array<{ rhkId: string; feedback: string; by: string; at: string }>;
  rating: SetRating | null;
  escalatedTo: 'superior' | 'hr' | null;
  acknowledgedAt: string | null;
  missed: boolean;
}

type PeriodEvent = Extract<AppraisalEvent, { type: `period.${string}` }>;

const opened = (deadline: string): PeriodEvaluation => ({
  deadline,
  realisationAt: null,
  feedback: [],
  rating: null,
  escalatedTo: null,
  acknowledgedAt: null,
  missed: false,
});

export function evolvePeriods(
  periods: Record<string, PeriodEvaluation>,
  event: PeriodEvent,
): Record<string, PeriodEvaluation> {
  const { period } = event.data;
  const p = periods[period] ?? opened(event.type === 'period.opened' ? event.data.deadline : event.data.at);
  const next = ((): PeriodEvaluation => {
    switch (event.type) {
      case 'period.opened':
        return { ...p, deadline: event.data.deadline };
      case 'period.realisationRecorded':
        return { ...p, realisationAt: event.data.at };
      case 'period.feedbackGiven': {
        const { rhkId, feedback, by, at } = event.data;
        return { ...p, feedback: [...p.feedback, { rhkId, feedback, by, at }] };
      }
      case 'period.rated': {
        const { results, behaviour, predikat, feedback, as, by, at } = event.data;
        return { ...p, rating: { results, behaviour, predikat, feedback, as, by, at } };
      }
      case 'period.escalated':
        return { ...p, escalatedTo: event.data.to, deadline: event.data.deadline };
      case 'period.missed':
        return { ...p, missed: true };
      case 'period.acknowledged':
        return { ...p, acknowledgedAt: event.data.at };
    }
  })();
  return { ...periods, [period]: next };
}
