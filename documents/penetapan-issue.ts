// The penetapan of a unit and period as the log stood at a position: the unit's capaian and calibration
// from the cycle's stream, each member's predikat from their appraisal's stream; and issuing it under a
// checkpoint seal like every document (issue.ts).
import type { Kysely } from 'kysely';
import { evaluationFile, peopleIn } from '../domain/appraisal/evaluation-file.ts';
import type { AppraisalEvent } from '../domain/appraisal/events.ts';
import type { CycleEvent } from '../domain/cycle/events.ts';
import { annualPeriod } from '../domain/cycle/periods.ts';
import { cycleStreamId, parseCycleId } from '../domain/ids.ts';
import { curveFacts } from '../domain/rating/curve-check.ts';
import type { UnitPredikat } from '../domain/rating/distribution-rules.ts';
import type { Finding } from '../domain/rating/finding.ts';
import { curveFactsUnder } from '../domain/regulation/curve-facts.ts';
import type { Lang } from '../domain/vocabulary/languages.ts';
import { unitNames } from '../record/read/organisation.ts';
import { employeeNames, staffCards } from '../record/read/people.ts';
import type { Database } from '../schema/database.ts';
import {
  type IssueOptions,
  organisationOf,
  type Prepared,
  prepare,
  sealAndRender,
  streamUpTo,
} from './issue.ts';
import { type PenetapanInput, penetapanDocument } from './penetapan.ts';
import { headsAsOf, settledPosition } from './seals.ts';

type Db = Kysely<Database>;
type CycleData<T extends CycleEvent['type']> = Extract<CycleEvent, { type: T }>['data'];

export async function penetapanInputAsOf(
  db: Db,
  org: string,
  cycleId: string,
  unitCode: string,
  period: string,
  position: number,
  lang: Lang,
): Promise<PenetapanInput | undefined> {
  const unitName = (await unitNames(db, org)).get(unitCode);
  if (unitName === undefined) return undefined;
  let capaian: PenetapanInput['capaian'] = null;
  let calibration: PenetapanInput['calibration'] = null;
  let holding: PenetapanInput['holding'];
  // The facts of the curves the findings came from: each calibration's, checked again from its counts
  // (the events keep only the findings' English sentences; penetapan.ts words them in `lang`).
  const facts: Finding[] = [];
  for (const { type, data } of await streamUpTo(db, cycleStreamId(cycleId), position)) {
    const d = data as { unitCode: string; period?: string; predikat: UnitPredikat; at: string } & {
      ok: boolean;
      violations: Array<{ rule: string; message: string }>;
    };
    if (d.unitCode !== unitCode) continue;
    if (type === 'cycle.unitPredikatSet' && (d.period ?? annualPeriod) === period)
      capaian = { predikat: d.predikat, at: d.at };
    if (type === 'cycle.unitCalibrated' && period === annualPeriod) {
      calibration = { ok: d.ok, violations: d.violations, at: d.at };
      const c = data as CycleData<'cycle.unitCalibrated'>;
      // The violations were checked against the patterns in the code, the curve under the pack it names.
      if (c.unitPredikat) facts.push(...curveFacts(c.unitPredikat, c.counts).map((f) => f.finding));
      facts.push(...curveFactsUnder(c.pack, c.unitPredikat, c.curve?.counts));
    }
    // The penetapan of this period as its holder signed it: a period's (TW1 ...) or the year's.
    const opened = period === annualPeriod ? 'cycle.penetapanOpened' : 'cycle.periodPenetapanOpened';
    const signedType = period === annualPeriod ? 'cycle.penetapanSigned' : 'cycle.periodPenetapanSigned';
    const ofPeriod = period === annualPeriod || d.period === period;
    if (type === 'cycle.periodPenetapanOpened' && ofPeriod) {
      const o = data as CycleData<'cycle.periodPenetapanOpened'>;
      facts.push(...curveFactsUnder(o.pack, o.capaian, o.counts));
    }
    if (type === opened && ofPeriod)
      holding = { findings: (data as { findings: HoldingFindings }).findings, signed: null };
    if (type === signedType && ofPeriod && holding) {
      const { by, as, at, conforming, justifications } = data as HoldingSigned;
      const name = (await employeeNames(db, org, [by])).get(by) ?? null;
      const signed = { by, name, as, at, conforming, justifications };
      holding = { ...holding, signed };
    }
  }
  const members = await db
    .selectFrom('appraisals')
    .select(['appraisal_id', 'nip'])
    .where('cycle_id', '=', cycleId)
    .where('unit_code', '=', unitCode)
    .orderBy('nip')
    .execute();
  const cards = await staffCards(
    db,
    org,
    members.map((m) => m.nip),
  );
  const people: PenetapanInput['people'] = [];
  for (const m of members) {
    const events = (await streamUpTo(db, `appraisal-${m.appraisal_id}`, position)) as AppraisalEvent[];
    if (events.length === 0) continue;
    const names = await employeeNames(db, org, peopleIn(events));
    const file = evaluationFile(events, (nip) => names.get(nip) ?? null);
    const rating =
      period === annualPeriod ? file.akhir.rating : file.periods.find((p) => p.period === period)?.rating;
    const card = cards.get(m.nip);
    people.push({
      nip: m.nip,
      name: card?.name ?? file.employee.name,
      position: card?.position ?? null,
      predikat: rating?.predikat ?? null,
    });
  }
  return {
    cycleId,
    year: parseCycleId(cycleId)?.year ?? new Date().getUTCFullYear(),
    organisation: await organisationOf(db, org),
    unit: { code: unitCode, name: unitName },
    period,
    capaian,
    calibration,
    people,
    lang,
    facts,
    ...(holding ? { holding } : {}),
  };
}

type HoldingFindings = NonNullable<PenetapanInput['holding']>['findings'];
type HoldingSigned = Omit<NonNullable<NonNullable<PenetapanInput['holding']>['signed']>, 'name'>;

/** The periods a unit has a penetapan for as of a position: those its capaian was set for, and the akhir once calibrated. */
export async function penetapanPeriods(
  db: Db,
  cycleId: string,
  unitCode: string,
  position: number,
): Promise<string[]> {
  const periods = new Set<string>();
  for (const { type, data } of await streamUpTo(db, cycleStreamId(cycleId), position)) {
    const d = data as { unitCode: string; period?: string };
    if (d.unitCode !== unitCode) continue;
    if (type === 'cycle.unitPredikatSet') periods.add(d.period ?? annualPeriod);
    if (type === 'cycle.unitCalibrated') periods.add(annualPeriod);
  }
  return [...periods].sort((a, b) => (a === annualPeriod ? 1 : b === annualPeriod ? -1 : a < b ? -1 : 1));
}

/** Issues the penetapan of these units and periods (every period each has, when none is given). */
export async function issuePenetapan(
  db: Db,
  org: string,
  cycleId: string,
  units: ReadonlyArray<{ unitCode: string; period?: string }>,
  options: IssueOptions,
) {
  const position = await settledPosition(db);
  const heads = await headsAsOf(db, cycleId, position);
  const head = heads.get(cycleStreamId(cycleId));
  if (!head) return { documents: [], seal: null };
  const prepared: Prepared[] = [];
  for (const { unitCode, period } of units) {
    const periods = period ? [period] : await penetapanPeriods(db, cycleId, unitCode, position);
    for (const p of periods) {
      const input = await penetapanInputAsOf(db, org, cycleId, unitCode, p, position, options.lang);
      const model = input && penetapanDocument(input, options.layouts?.penetapan);
      if (model) prepared.push(prepare(model, head, options.lang));
    }
  }
  return sealAndRender(db, cycleId, position, heads, prepared, options);
}
