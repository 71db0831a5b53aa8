// The evaluation file (berkas evaluasi kinerja): what the rater has in front of them for the akhir rating,
// folded from one appraisal's events alone. Period by period: the realisations with their evidence, the
// feedback per RHK, the ratings and predikat periodik with who rated (the rater, or the superior or HR after
// an escalation) and what was missed; for appraisals started before periods, the quarterly check-ins. Then
// the agreed SKP, the daily activity reports and the BerAKHLAK reviews as aggregates. Pure: the read model
// (record/read/evaluation-file.ts) decides who may read it and puts names to the NIPs.
import { evaluationPeriods, periodIds, periodKindOf } from '../cycle/periods.ts';
import { parseCycleId } from '../ids.ts';
import { aggregateReviews } from '../review/berakhlak.ts';
import type { AppraisalEvent } from './events.ts';
import { type AppraisalState, evolve, initialState } from './state.ts';
import { type Quarter, quarters } from './types.ts';

// The file's shape, all of it, where the file is folded.
export type * from './evaluation-file-types.ts';

import type {
  CheckInFile,
  Escalation,
  EvaluationFile,
  PeriodFile,
  PersonRef,
  SkpFile,
  SkpPeriodFile,
} from './evaluation-file-types.ts';

/** Every NIP the file names, so the reader can look their names up in one query. */
export function peopleIn(events: readonly AppraisalEvent[]): string[] {
  const nips = new Set<string>();
  for (const event of events) {
    const data = event.data as Record<string, unknown>;
    if (event.type === 'appraisal.started') {
      const p = event.data.participants;
      for (const nip of [p.employee.nip, p.supervisorNip, p.superiorNip]) if (nip) nips.add(nip);
    }
    if (event.type === 'mutasi.recorded')
      for (const nip of [event.data.supervisorNip, event.data.closed.supervisorNip]) if (nip) nips.add(nip);
    for (const key of ['by', 'assigneeNip'] as const)
      if (typeof data[key] === 'string') nips.add(data[key] as string);
  }
  return [...nips];
}

type Names = (nip: string) => string | null;

/** The file of the appraisal whose events (in stream order, `appraisal.started` first) these are. */
export function evaluationFile(events: readonly AppraisalEvent[], nameOf: Names): EvaluationFile {
  const first = events[0];
  if (first?.type !== 'appraisal.started')
    throw new Error('An appraisal stream starts with appraisal.started');
  const person = (nip: string): PersonRef => ({ nip, name: nameOf(nip) });
  const state = events.slice(1).reduce(evolve, initialState(first.data));
  const year = parseCycleId(state.cycleId)?.year ?? new Date(first.data.at).getUTCFullYear();

  const periods = new Map<string, PeriodFile>();
  const checkIns = new Map<Quarter, CheckInFile>();
  const reports: EvaluationFile['activityReports'] = [];
  const akhirEscalations: Escalation[] = [];
  const agreedAt = new Map<number, string>();

  const periodOf = (id: string, deadline: string): PeriodFile => {
    const known = periods.get(id);
    if (known) return known;
    const opened: PeriodFile = {
      period: id,
      ...periodDays(id, year),
      deadline,
      realisation: null,
      feedback: [],
      rating: null,
      escalations: [],
      missed: null,
      acknowledgedAt: null,
      skp: null,
    };
    periods.set(id, opened);
    return opened;
  };
  const checkInOf = (quarter: Quarter): CheckInFile => {
    const known = checkIns.get(quarter);
    if (known) return known;
    const tw = `TW${quarters.indexOf(quarter) + 1}`;
    const opened: CheckInFile = {
      quarter,
      ...periodDays(tw, year),
      submitted: null,
      feedback: null,
      missed: false,
    };
    checkIns.set(quarter, opened);
    return opened;
  };
  const escalation = (d: {
    to: 'superior' | 'hr';
    assigneeNip: string | null;
    deadline: string;
    at: string;
  }) => ({
    to: d.to,
    assignee: d.assigneeNip ? person(d.assigneeNip) : null,
    deadline: d.deadline,
    at: d.at,
  });

  for (const event of events) {
    switch (event.type) {
      case 'period.opened':
        periodOf(event.data.period, event.data.deadline).deadline = event.data.deadline;
        break;
      case 'period.realisationRecorded': {
        const { period, realisations, by, at } = event.data;
        periodOf(period, at).realisation = { at, by: person(by), realisations };
        break;
      }
      case 'period.feedbackGiven': {
        const { period, rhkId, feedback, by, at } = event.data;
        periodOf(period, at).feedback.push({ rhkId, feedback, by: person(by), at });
        break;
      }
      case 'period.rated': {
        const { period, by, ...rating } = event.data;
        periodOf(period, rating.at).rating = { ...rating, by: person(by) };
        break;
      }
      case 'period.escalated': {
        const p = periodOf(event.data.period, event.data.deadline);
        p.escalations.push(escalation(event.data));
        p.deadline = event.data.deadline;
        break;
      }
      case 'period.missed': {
        const { period, rating, realisation, at } = event.data;
        periodOf(period, at).missed = { rating, realisation, at };
        break;
      }
      case 'period.acknowledged':
        periodOf(event.data.period, event.data.at).acknowledgedAt = event.data.at;
        break;
      case 'checkIn.submitted':
        checkInOf(event.data.quarter).submitted = {
          at: event.data.at,
          realisations: event.data.realisations,
        };
        break;
      case 'checkIn.feedbackGiven': {
        const { quarter, feedback, by, at } = event.data;
        checkInOf(quarter).feedback = { at, feedback, by: person(by) };
        break;
      }
      case 'checkIn.missed':
        checkInOf(event.data.quarter).missed = true;
        break;
      case 'activityReport.added': {
        const { reportId, date, description, at } = event.data;
        reports.push({ reportId, date, description, at });
        break;
      }
      case 'agreement.agreed':
        agreedAt.set(event.data.version, event.data.at);
        break;
      case 'rating.escalated':
        akhirEscalations.push(escalation(event.data));
        break;
      default:
        break;
    }
  }

  const p = state.participants;
  const skpOf = (version: number | null): SkpFile | null => {
    const agreed = state.agreement.versions.find((v) => v.version === version);
    return agreed
      ? {
          version: agreed.version,
          agreedAt: agreedAt.get(agreed.version) ?? null,
          rhk: agreed.rhk,
          ...(agreed.ekspektasi ? { ekspektasi: agreed.ekspektasi } : {}),
          ...(agreed.lampiran ? { lampiran: agreed.lampiran } : {}),
        }
      : null;
  };
  for (const period of periods.values()) period.skp = skpOf(agreedVersionFor(state, period.period));
  const reviews = state.review.submitted;
  const group = (roles: string[]) => reviews.filter((r) => roles.includes(r.role));
  const aggregateOf = (roles: string[], minimum = 1) => {
    const some = group(roles);
    return some.length >= minimum ? aggregateReviews(some.map((r) => ({ scores: r.scores }))) : null;
  };
  const colleagues = group(['peer', 'subordinate']);
  const skpPeriods = skpPeriodFiles(state, person);
  return {
    appraisalId: state.appraisalId,
    cycleId: state.cycleId,
    step: state.step,
    employee: {
      ...person(p.employee.nip),
      unitCode: p.employee.unitCode,
      positionCode: p.employee.positionCode,
    },
    rater: p.supervisorNip ? person(p.supervisorNip) : null,
    superior: p.superiorNip ? person(p.superiorNip) : null,
    setting: state.skp ?? null,
    skp: skpOf(state.agreement.agreedVersion),
    ...(skpPeriods ? { skpPeriods } : {}),
    periodKind: [...periods.keys()].map(periodKindOf).find((kind) => kind !== null) ?? null,
    periods: [...periods.values()].sort((a, b) => periodOrder(a.period) - periodOrder(b.period)),
    checkIns: quarters.flatMap((q) => checkIns.get(q) ?? []),
    // By the day reported, then as they were added.
    activityReports: reports
      .map((r, i) => ({ r, i }))
      .sort((a, b) => (a.r.date === b.r.date ? a.i - b.i : a.r.date < b.r.date ? -1 : 1))
      .map(({ r }) => r),
    review: {
      self: aggregateOf(['self']),
      supervisor: aggregateOf(['supervisor']),
      colleagues: aggregateOf(['peer', 'subordinate'], 2),
      colleagueCount: colleagues.length,
      missed: state.review.missed.length,
    },
    akhir: {
      // As it stands (an objection's decision included), with who set it: the state keeps that.
      rating: state.rating ? { ...state.rating, by: person(state.rating.by) } : null,
      escalations: akhirEscalations,
      missed: state.ratingMissed,
    },
  };
}

/**
 * The SKP version an evaluation period is read against: the one agreed in the SKP period the evaluation
 * period belongs to (a closed one keeps its agreed version), else the one agreed now.
 */
export function agreedVersionFor(state: AppraisalState, period: string): number | null {
  const closed = state.closedSkpPeriods?.find((c) => c.periods.includes(period));
  return closed ? closed.agreedVersion : state.agreement.agreedVersion;
}

/** The SKP periods of a year a mutasi or promotion divided; undefined for a year of one. */
function skpPeriodFiles(
  state: AppraisalState,
  person: (nip: string) => PersonRef,
): SkpPeriodFile[] | undefined {
  const closed = state.closedSkpPeriods;
  const open = state.skpPeriod;
  if (!closed || !open) return undefined;
  const p = state.participants;
  const rater = (nip: string | null) => (nip ? person(nip) : null);
  const earlier = new Set(closed.flatMap((c) => c.periods));
  return [
    ...closed.map(
      (c): SkpPeriodFile => ({
        skpPeriod: c.number,
        began: c.began,
        unitCode: c.unitCode,
        positionCode: c.positionCode,
        rater: rater(c.raterNip),
        from: c.from,
        until: c.until,
        agreedVersion: c.agreedVersion,
        periods: c.periods,
      }),
    ),
    {
      skpPeriod: open.number,
      began: open.kind,
      unitCode: p.employee.unitCode,
      positionCode: p.employee.positionCode,
      rater: rater(p.supervisorNip),
      from: open.from,
      until: null,
      agreedVersion: state.agreement.agreedVersion,
      periods: Object.keys(state.periods).filter((id) => !earlier.has(id)),
    },
  ];
}

/** The local days a period covers (they do not depend on the zone; its window's times do). */
export function periodDays(period: string, year: number): { firstDay: string; lastDay: string } {
  const kind = periodKindOf(period) ?? 'quarterly';
  const found = evaluationPeriods(kind, year, 'UTC').find((w) => w.id === period);
  return { firstDay: found?.firstDay ?? `${year}-01-01`, lastDay: found?.lastDay ?? `${year}-12-31` };
}

const periodOrder = (id: string) => {
  const kind = periodKindOf(id);
  return kind ? periodIds(kind).indexOf(id) : Number.MAX_SAFE_INTEGER;
};
