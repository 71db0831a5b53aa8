// A quarterly cycle of 2025 (WIB) with its periodic evaluations, appended through the event store and the
// production projections. The appraisal events come from the domain's own functions (openPeriod, decide,
// escalatePeriod, closePeriod, cancel), so they are the events a workflow would record; the annual rating
// and an objection's decision are appended as recorded events. Every deadline lies in the past.
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { decide } from '../../domain/appraisal/decide.ts';
import type { AppraisalEvent } from '../../domain/appraisal/events.ts';
import { openingEvents } from '../../domain/appraisal/opening.ts';
import { closePeriod, escalatePeriod, openPeriod } from '../../domain/appraisal/periodic.ts';
import { type AppraisalState, evolve, initialState } from '../../domain/appraisal/state.ts';
import * as transitions from '../../domain/appraisal/transitions.ts';
import type { Actor } from '../../domain/appraisal/types.ts';
import { type AppraisalCalendar, toAppraisalCalendar } from '../../domain/cycle/appraisal-calendar.ts';
import { buildCalendar } from '../../domain/cycle/calendar.ts';
import type { CycleEvent } from '../../domain/cycle/events.ts';
import { evaluationPeriods } from '../../domain/cycle/periods.ts';
import { eventSchemas } from '../../domain/event-registry.ts';
import { appraisalIdFor, appraisalStreamId, cycleIdFor, cycleStreamId } from '../../domain/ids.ts';
import type { Rating } from '../../domain/rating/predikat.ts';
import { projections } from '../../record/projections/index.ts';
import { appendMany, appendToStream, type NewEvent } from '../../record/store/index.ts';
import type { Database } from '../../schema/database.ts';

export const year = 2025;
export const timeZone = 'Asia/Jakarta';
export const hrNip = '198012122005012099';
/** The people: a head of the health office, a puskesmas head, and staff. */
export const people = {
  head: { nip: '197001011995031001', name: 'dr. Hendra Saputra', unit: 'DINKES', position: 'KADIS' },
  kapus: { nip: '198003032005012002', name: 'drg. Kartini Lubis', unit: 'PKM', position: 'KAPUS' },
  ahmad: { nip: '199001012015031003', name: 'Ahmad Fauzi', unit: 'PKM', position: 'STAF' },
  budi: { nip: '199102022016041004', name: 'Budi Santoso', unit: 'PKM', position: 'STAF' },
  citra: { nip: '199203032017012005', name: 'Citra Dewi', unit: 'PKM', position: 'STAF' },
  dedi: { nip: '199304042018011006', name: 'Dedi Kurniawan', unit: 'DINKES', position: 'STAF' },
  eka: { nip: '199405052019012007', name: 'Eka Putri', unit: 'PKM', position: 'STAF' },
} as const;
type Person = keyof typeof people;
/** Their pangkat/golongan (all are PNS). */
export const ranks: Record<Person, string> = {
  head: 'Pembina Utama Muda, IV/c',
  kapus: 'Pembina, IV/a',
  ahmad: 'Penata Muda, III/a',
  budi: 'Penata Muda Tingkat I, III/b',
  citra: 'Pengatur, II/c',
  dedi: 'Penata, III/c',
  eka: 'Pengatur Muda, II/a',
};
/** Supervisor (rater) of each appraised person; the superior is the supervisor's supervisor. */
const supervisorOf: Record<Exclude<Person, 'head'>, Person> = {
  kapus: 'head',
  ahmad: 'kapus',
  budi: 'kapus',
  citra: 'kapus',
  dedi: 'head',
  eka: 'kapus',
};

export const periods = evaluationPeriods('quarterly', year, timeZone);
const window = (id: string) => periods.find((p) => p.id === id)!;

export function periodicCalendar(calendarYear = year): AppraisalCalendar {
  return {
    ...toAppraisalCalendar(buildCalendar(calendarYear, `${calendarYear}-01-01T00:00:00Z`)),
    periods: {
      kind: 'quarterly',
      timeZone,
      windows: evaluationPeriods('quarterly', calendarYear, timeZone),
    },
  };
}

export interface PeriodicCycle {
  orgId: string;
  cycleId: string;
  appraisalIds: Record<Exclude<Person, 'head'>, string>;
}

export async function seedPeopleOf(db: Kysely<Database>, orgId: string): Promise<void> {
  await db.insertInto('organisations').values({ id: orgId, name: 'Pemerintah Kabupaten Bungo' }).execute();
  await db
    .insertInto('units')
    .values([
      { org_id: orgId, code: 'DINKES', name: 'Dinas Kesehatan', parent_code: null },
      { org_id: orgId, code: 'PKM', name: 'Puskesmas Muara Bungo', parent_code: 'DINKES' },
    ])
    .execute();
  const position = (code: string, name: string, kind: 'JPT' | 'JA' | 'JF') => ({
    org_id: orgId,
    code,
    name,
    kind,
    duties: JSON.stringify([]),
    default_indicators: JSON.stringify([]),
  });
  await db
    .insertInto('positions')
    .values([
      position('KADIS', 'Kepala Dinas Kesehatan', 'JPT'),
      position('KAPUS', 'Kepala Puskesmas', 'JA'),
      position('STAF', 'Perawat Terampil', 'JF'),
    ])
    .execute();
  await db
    .insertInto('employees')
    .values(
      (Object.keys(people) as Person[]).map((key) => {
        const p = people[key];
        const sup = key === 'head' ? null : people[supervisorOf[key]].nip;
        return {
          org_id: orgId,
          nip: p.nip,
          name: p.name,
          email: null,
          unit_code: p.unit,
          position_code: p.position,
          supervisor_nip: sup,
          employment_status: 'PNS' as const,
          rank: ranks[key],
          updated_at: new Date(),
        };
      }),
    )
    .execute();
}

/**
 * How the appraisal events are appended: each stream's in one append (as a workflow task records a few),
 * each event on its own, or every stream in one append (as a launch batch is written).
 */
export type Appends = 'perStream' | 'perEvent' | 'oneForAll';

/** The organisation, its cycle and six appraisals through TW1 and TW2, and two annual ratings. */
export async function seedPeriodicCycle(
  db: Kysely<Database>,
  orgId: string,
  appends: Appends = 'perStream',
): Promise<PeriodicCycle> {
  await seedPeopleOf(db, orgId);
  const cycleId = cycleIdFor(orgId, year);
  const calendar = periodicCalendar();
  const at = '2025-01-01T00:00:00.000Z';
  await append(db, cycleStreamId(cycleId), 0, [
    {
      type: 'cycle.started',
      data: { cycleId, orgId, year, calendar: { ...calendar }, population: {}, by: hrNip, at },
    },
    // Set twice: the last one holds.
    capaian('PKM', 'kurang', 'TW1'),
    capaian('PKM', 'baik', 'TW1'),
    capaian('PKM', 'kurang', 'TW2'),
    capaian('DINKES', 'baik', 'TW1'),
    // The year's capaian, which stays the calibration's own.
    { type: 'cycle.unitPredikatSet', data: { unitCode: 'PKM', predikat: 'istimewa', by: hrNip, at } },
  ]);
  const appraisalIds = {} as PeriodicCycle['appraisalIds'];
  const streams: Array<{ streamId: string; events: AppraisalEvent[] }> = [];
  for (const key of Object.keys(supervisorOf) as Array<keyof typeof supervisorOf>) {
    const id = appraisalIdFor(cycleId, people[key].nip);
    appraisalIds[key] = id;
    streams.push({ streamId: appraisalStreamId(id), events: script(orgId, cycleId, key, calendar) });
  }
  if (appends === 'oneForAll') {
    const outcomes = await appendMany(
      db,
      eventSchemas,
      streams.map(({ streamId, events }) => ({
        streamId,
        expectedVersion: 0 as const,
        events: envelopes(events),
      })),
      { projections },
    );
    if (outcomes.some((o) => !o.ok)) throw new Error('an append of the batch failed');
  }
  for (const { streamId, events } of appends === 'oneForAll' ? [] : streams) {
    if (appends === 'perStream') await append(db, streamId, 0, events);
    else for (const [i, event] of events.entries()) await append(db, streamId, i, [event]);
  }
  return { orgId, cycleId, appraisalIds };
}

const capaian = (unitCode: string, predikat: 'baik' | 'kurang', period: string): CycleEvent => ({
  type: 'cycle.unitPredikatSet',
  data: { unitCode, predikat, period, by: hrNip, at: window(period).opens },
});

/** One appraisal's year: what happens to it in TW1 and TW2, and its annual rating. */
function script(
  orgId: string,
  cycleId: string,
  key: Exclude<Person, 'head'>,
  calendar: AppraisalCalendar,
): AppraisalEvent[] {
  const p = people[key];
  const supervisor = people[supervisorOf[key]];
  const superior =
    supervisorOf[key] === 'head' ? null : people[supervisorOf[supervisorOf[key] as Exclude<Person, 'head'>]];
  const input = {
    appraisalId: appraisalIdFor(cycleId, p.nip),
    cycleId,
    orgId,
    participants: {
      employee: { nip: p.nip, name: p.name, unitCode: p.unit, positionCode: p.position },
      supervisorNip: supervisor.nip,
      superiorNip: superior?.nip ?? null,
      subordinateNips: [],
    },
    calendar,
  };
  const start = '2025-01-01T00:00:00.000Z';
  const events = openingEvents(input, start);
  let state: AppraisalState = events.reduce(evolve, initialState({ ...input, calendar: {}, at: start }));
  const then = (next: AppraisalEvent[]) => {
    events.push(...next);
    state = next.reduce(evolve, state);
  };
  const actor = (nip: string): Actor => ({ nip, roles: [] });
  const open = (period: string) =>
    then(openPeriod(state, period, window(period).deadline, window(period).opens));
  const rate = (period: string, by: string, results: Rating, behaviour: Rating, late = false) => {
    const w = window(period);
    // A rating waits for the realisation until the window closes: without one, it comes just after.
    const closed = new Date(Date.parse(w.deadline) + 1000).toISOString();
    const now = late
      ? w.superiorDeadline.replace(/T.*/, 'T03:00:00.000Z')
      : state.periods[period]?.realisationAt
        ? w.opens
        : closed;
    then(
      decide(
        state,
        { type: 'ratePeriod', period, results, behaviour, feedback: 'Terus tingkatkan' },
        { actor: actor(by), now },
      ),
    );
  };
  const escalate = (period: string, to: 'superior' | 'hr') => {
    const w = window(period);
    const deadline = to === 'superior' ? w.superiorDeadline : w.hrDeadline;
    then(escalatePeriod(state, period, to, deadline, to === 'superior' ? w.deadline : w.superiorDeadline));
  };

  open('TW1');
  switch (key) {
    case 'ahmad':
      then(
        decide(
          state,
          {
            type: 'recordRealisation',
            period: 'TW1',
            realisations: [{ indicatorId: 'iki-1', value: '120 kunjungan', evidence: [] }],
          },
          { actor: actor(p.nip), now: window('TW1').opens },
        ),
      );
      rate('TW1', supervisor.nip, 'diAtas', 'diAtas');
      then(
        decide(
          state,
          { type: 'acknowledgePeriod', period: 'TW1' },
          { actor: actor(p.nip), now: window('TW1').opens },
        ),
      );
      break;
    case 'budi':
    case 'kapus':
      rate('TW1', supervisor.nip, 'sesuai', key === 'kapus' ? 'diAtas' : 'sesuai');
      break;
    case 'citra': // the rater let the deadline pass: the superior rated instead
      escalate('TW1', 'superior');
      rate('TW1', superior!.nip, 'diBawah', 'sesuai', true);
      break;
    case 'dedi': // no superior: HR's at once, then nobody rated and the period closed
      escalate('TW1', 'superior');
      escalate('TW1', 'hr');
      then(closePeriod(state, 'TW1', window('TW1').hrDeadline));
      break;
    case 'eka': // left before anyone rated
      then(transitions.cancel(state, 'pindah instansi', hrNip, window('TW1').opens));
      return events;
  }
  open('TW2');
  if (key === 'ahmad') rate('TW2', supervisor.nip, 'diBawah', 'diBawah');
  if (key === 'dedi') rate('TW2', supervisor.nip, 'sesuai', 'sesuai');
  // The annual rating: Ahmad's as rated, Budi's as an objection's final decision changed it.
  const annual = (results: Rating, behaviour: Rating, predikat: 'baik' | 'sangatBaik'): AppraisalEvent => ({
    type: 'rating.set',
    data: {
      results,
      behaviour,
      predikat,
      feedback: 'Baik',
      by: supervisor.nip,
      as: 'rater',
      at: '2026-01-20T03:00:00.000Z',
    },
  });
  if (key === 'ahmad') then([annual('sesuai', 'sesuai', 'baik')]);
  if (key === 'budi') {
    then([annual('sesuai', 'sesuai', 'baik')]);
    then([
      {
        type: 'objection.decided',
        data: {
          decision: 'changed',
          results: 'diAtas',
          behaviour: 'diAtas',
          predikat: 'sangatBaik',
          previousPredikat: 'baik',
          reason: 'Bukti dukung lengkap',
          by: people.head.nip,
          at: '2026-02-10T03:00:00.000Z',
        },
      },
    ]);
  }
  return events;
}

const envelopes = (events: Array<{ type: string; data: unknown }>) =>
  events.map((e) => ({
    eventId: randomUUID(),
    type: e.type,
    data: e.data,
    metadata: { actor: 'test' },
  })) as NewEvent<typeof eventSchemas>[];

async function append(
  db: Kysely<Database>,
  streamId: string,
  expectedVersion: number,
  events: Array<{ type: string; data: unknown }>,
) {
  await appendToStream(db, eventSchemas, streamId, envelopes(events), { expectedVersion, projections });
}

/** A period's penetapan of the Puskesmas as the cycle opens it for its leader: each stage's deadline (TW2's). */
export const periodPenetapanDeadlines = {
  leader: '2025-08-04T16:59:59.000Z',
  superior: '2025-08-11T16:59:59.000Z',
  hr: '2025-08-18T16:59:59.000Z',
};

/** The event that opens a period's penetapan of the Puskesmas (capaian Kurang) before its leader. */
export function periodPenetapanOpened(
  period: string,
  counts: Record<string, number>,
  findings: Array<{ rule: string; message: string }>,
) {
  return {
    type: 'cycle.periodPenetapanOpened',
    data: {
      unitCode: 'PKM',
      period,
      leaderNip: people.kapus.nip,
      superiorNip: people.head.nip,
      stage: 'leader',
      assigneeNip: people.kapus.nip,
      deadline: periodPenetapanDeadlines.leader,
      deadlines: periodPenetapanDeadlines,
      capaian: 'kurang',
      counts,
      findings,
      pack: 'asn-2023',
      at: '2025-07-28T17:00:00.000Z',
    },
  };
}
