// Integrity findings for the inspectorate: patterns in a cycle's log that deserve a look, each with the
// appraisal or unit it concerns and the moment. A finding is a place to look, not a verdict. Pure: the
// events come from integrity-read.ts.

export interface LoggedEvent {
  streamId: string;
  type: string;
  // biome-ignore lint/suspicious/noExplicitAny: event data of many types, read field by field below
  data: any;
}

export const integrityRules = [
  'ratingChangedAfterFinding',
  'sharedEvidence',
  'lastMinuteBulk',
  'samePredikatForAll',
  'hastyObjectionDecision',
  'capaianChangedAfterRatings',
] as const;
export type IntegrityRule = (typeof integrityRules)[number];

export interface IntegrityFinding {
  rule: IntegrityRule;
  /** When it happened (the later event of the pattern). */
  at: string;
  unitCode?: string;
  /** The appraisals concerned, each with its timeline. */
  appraisalIds: string[];
  /** The facts behind it, named for the sentence that shows it. */
  facts: Record<string, string | number>;
}

/** How close, how many and how fast make a pattern; dated data like the regulation pack's. */
export const integrityThresholds = {
  /** A rating changed within this many hours after its unit's curve finding. */
  hoursAfterFinding: 72,
  /** One evidence link in this many appraisals or more. */
  sharedEvidenceAppraisals: 3,
  /** Realisations recorded in the last minutes of a period's window ... */
  lastMinutes: 15,
  /** ... by this many appraisals of one unit or more. */
  lastMinuteAppraisals: 5,
  /** A rater who rated at least this many, all with one predikat. */
  samePredikatRated: 4,
  /** An objection decided sooner than this after it was filed. */
  objectionMinutes: 15,
} as const;

const hour = 3_600_000;
const minute = 60_000;

interface Appraisal {
  appraisalId: string;
  unitCode: string;
  events: LoggedEvent[];
}

export function integrityFindings(events: LoggedEvent[], cycleStreamId: string): IntegrityFinding[] {
  const cycleEvents = events.filter((e) => e.streamId === cycleStreamId);
  const appraisals = appraisalsOf(events.filter((e) => e.streamId !== cycleStreamId));
  return [
    ...ratingChangedAfterFinding(cycleEvents, appraisals),
    ...sharedEvidence(appraisals),
    ...lastMinuteBulk(appraisals),
    ...samePredikatForAll(appraisals),
    ...hastyObjectionDecision(appraisals),
    ...capaianChangedAfterRatings(cycleEvents, appraisals),
  ].sort((a, b) => a.at.localeCompare(b.at) || a.rule.localeCompare(b.rule));
}

function appraisalsOf(events: LoggedEvent[]): Appraisal[] {
  const byStream = new Map<string, Appraisal>();
  for (const event of events) {
    if (event.type === 'appraisal.started')
      byStream.set(event.streamId, {
        appraisalId: event.data.appraisalId,
        unitCode: event.data.participants.employee.unitCode,
        events: [],
      });
    byStream.get(event.streamId)?.events.push(event);
  }
  return [...byStream.values()];
}

function ratingChangedAfterFinding(cycleEvents: LoggedEvent[], appraisals: Appraisal[]): IntegrityFinding[] {
  const findings: IntegrityFinding[] = [];
  const held = cycleEvents.filter((e) => e.type === 'cycle.unitCalibrated' && e.data.ok === false);
  for (const a of appraisals) {
    const ratings = a.events.filter((e) => e.type === 'rating.set');
    ratings.forEach((rating, i) => {
      const before = ratings[i - 1];
      if (!before || before.data.predikat === rating.data.predikat) return;
      const finding = held.findLast(
        (h) =>
          h.data.unitCode === a.unitCode &&
          h.data.at < rating.data.at &&
          Date.parse(rating.data.at) - Date.parse(h.data.at) <= integrityThresholds.hoursAfterFinding * hour,
      );
      if (!finding) return;
      findings.push({
        rule: 'ratingChangedAfterFinding',
        at: rating.data.at,
        unitCode: a.unitCode,
        appraisalIds: [a.appraisalId],
        facts: {
          from: before.data.predikat,
          to: rating.data.predikat,
          hours: Math.round((Date.parse(rating.data.at) - Date.parse(finding.data.at)) / hour),
        },
      });
    });
  }
  return findings;
}

function sharedEvidence(appraisals: Appraisal[]): IntegrityFinding[] {
  const users = new Map<string, { appraisalIds: Set<string>; at: string }>();
  for (const a of appraisals)
    for (const e of a.events) {
      if (e.type !== 'checkIn.submitted' && e.type !== 'period.realisationRecorded') continue;
      for (const realisation of e.data.realisations ?? [])
        for (const evidence of realisation.evidence ?? []) {
          if (!evidence.url) continue;
          const entry = users.get(evidence.url) ?? { appraisalIds: new Set<string>(), at: e.data.at };
          entry.appraisalIds.add(a.appraisalId);
          if (e.data.at > entry.at) entry.at = e.data.at;
          users.set(evidence.url, entry);
        }
    }
  return [...users]
    .filter(([, entry]) => entry.appraisalIds.size >= integrityThresholds.sharedEvidenceAppraisals)
    .map(([url, entry]) => ({
      rule: 'sharedEvidence' as const,
      at: entry.at,
      appraisalIds: [...entry.appraisalIds].sort(),
      facts: { url, appraisals: entry.appraisalIds.size },
    }));
}

function lastMinuteBulk(appraisals: Appraisal[]): IntegrityFinding[] {
  const groups = new Map<string, { unitCode: string; period: string; appraisalIds: string[]; at: string }>();
  for (const a of appraisals) {
    const deadlines = new Map<string, string>();
    for (const e of a.events) {
      if (e.type === 'period.opened') deadlines.set(e.data.period, e.data.deadline);
      if (e.type !== 'period.realisationRecorded') continue;
      const deadline = deadlines.get(e.data.period);
      if (!deadline) continue;
      const early = Date.parse(deadline) - Date.parse(e.data.at);
      if (early < 0 || early > integrityThresholds.lastMinutes * minute) continue;
      const key = `${a.unitCode}\u0000${e.data.period}`;
      const group = groups.get(key) ?? {
        unitCode: a.unitCode,
        period: e.data.period,
        appraisalIds: [] as string[],
        at: e.data.at,
      };
      if (!group.appraisalIds.includes(a.appraisalId)) group.appraisalIds.push(a.appraisalId);
      if (e.data.at > group.at) group.at = e.data.at;
      groups.set(key, group);
    }
  }
  return [...groups.values()]
    .filter((g) => g.appraisalIds.length >= integrityThresholds.lastMinuteAppraisals)
    .map((g) => ({
      rule: 'lastMinuteBulk' as const,
      at: g.at,
      unitCode: g.unitCode,
      appraisalIds: g.appraisalIds.sort(),
      facts: {
        period: g.period,
        appraisals: g.appraisalIds.length,
        minutes: integrityThresholds.lastMinutes,
      },
    }));
}

function samePredikatForAll(appraisals: Appraisal[]): IntegrityFinding[] {
  // Per rater and period (akhir for the year): the last rating each appraisal got from them.
  const given = new Map<string, Map<string, { predikat: string; at: string }>>();
  for (const a of appraisals)
    for (const e of a.events) {
      const period =
        e.type === 'rating.set' ? 'akhir' : e.type === 'period.rated' ? e.data.period : undefined;
      if (!period || (e.data.as !== undefined && e.data.as !== 'rater')) continue;
      const key = `${e.data.by}\u0000${period}`;
      const byAppraisal = given.get(key) ?? new Map();
      byAppraisal.set(a.appraisalId, { predikat: e.data.predikat, at: e.data.at });
      given.set(key, byAppraisal);
    }
  return [...given].flatMap(([key, byAppraisal]) => {
    const ratings = [...byAppraisal.values()];
    const predikat = ratings[0]?.predikat;
    if (
      ratings.length < integrityThresholds.samePredikatRated ||
      ratings.some((r) => r.predikat !== predikat)
    )
      return [];
    const [rater = '', period = ''] = key.split('\u0000');
    return [
      {
        rule: 'samePredikatForAll' as const,
        at:
          ratings
            .map((r) => r.at)
            .sort()
            .at(-1) ?? '',
        appraisalIds: [...byAppraisal.keys()].sort(),
        facts: { rater, period, predikat: predikat ?? '', rated: ratings.length },
      },
    ];
  });
}

function hastyObjectionDecision(appraisals: Appraisal[]): IntegrityFinding[] {
  return appraisals.flatMap((a) => {
    const filed = a.events.find((e) => e.type === 'objection.filed');
    const decided = a.events.find((e) => e.type === 'objection.decided');
    if (!filed || !decided) return [];
    const minutes = (Date.parse(decided.data.at) - Date.parse(filed.data.at)) / minute;
    if (minutes >= integrityThresholds.objectionMinutes) return [];
    return [
      {
        rule: 'hastyObjectionDecision' as const,
        at: decided.data.at,
        unitCode: a.unitCode,
        appraisalIds: [a.appraisalId],
        facts: { minutes: Math.round(minutes), decision: decided.data.decision, by: decided.data.by },
      },
    ];
  });
}

function capaianChangedAfterRatings(cycleEvents: LoggedEvent[], appraisals: Appraisal[]): IntegrityFinding[] {
  const findings: IntegrityFinding[] = [];
  const set = cycleEvents.filter((e) => e.type === 'cycle.unitPredikatSet');
  set.forEach((change, i) => {
    const period = change.data.period ?? 'akhir';
    const previous = set
      .slice(0, i)
      .findLast((e) => e.data.unitCode === change.data.unitCode && (e.data.period ?? 'akhir') === period);
    if (!previous || previous.data.predikat === change.data.predikat) return;
    const rated = appraisals.filter(
      (a) =>
        a.unitCode === change.data.unitCode &&
        a.events.some(
          (e) =>
            e.data.at < change.data.at &&
            ((period === 'akhir' && e.type === 'rating.set') ||
              (e.type === 'period.rated' && e.data.period === period)),
        ),
    );
    if (rated.length === 0) return;
    findings.push({
      rule: 'capaianChangedAfterRatings',
      at: change.data.at,
      unitCode: change.data.unitCode,
      appraisalIds: rated.map((a) => a.appraisalId).sort(),
      facts: { period, from: previous.data.predikat, to: change.data.predikat, by: change.data.by },
    });
  });
  return findings;
}
