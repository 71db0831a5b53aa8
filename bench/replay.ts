// replay: events/s of an as-of reconstruction of a whole cycle (every stream read in version order,
// each event validated against its schema, folded with evolve) against a raw cursor-streamed SELECT of the
// very same rows in the same run, so the ratio is the audit replay's own overhead.
// appendSyntheticCycle builds the cycle straight through the event store: realistic, schema-valid
// appraisal and cycle events (also the audit tests' data, with the production projections).
import { randomUUID } from 'node:crypto';
import { type Kysely, sql } from 'kysely';
import { stateAsOf } from '../audit/state-as-of.ts';
import type { TaskKind } from '../domain/appraisal/types.ts';
import { eventSchemas } from '../domain/event-registry.ts';
import {
  appraisalIdFor,
  appraisalStreamId,
  appraisalStreamsOfCycleLike,
  appraisalWorkflowId,
  cycleIdFor,
  cycleStreamId,
  cycleWorkflowId,
  taskIdFor,
} from '../domain/ids.ts';
import { projections } from '../record/projections/index.ts';
import { appendMany, appendToStream, type NewEvent } from '../record/store/index.ts';
import type { Database } from '../schema/database.ts';
import { createDb } from '../schema/db.ts';
import { migrateToLatest } from '../schema/migrate.ts';
import { throwawayDatabase } from './throwaway-database.ts';

type Event = NewEvent<typeof eventSchemas>;
type Draft = { type: string; data: Record<string, unknown>; by?: string };

export interface SyntheticCycleOptions {
  orgId: string;
  year: number;
  appraisals: number;
  /** At least 45; activity reports fill the year up to this. */
  eventsPerAppraisal: number;
  units?: number;
  /** Run the production projections (and so seal the cycle at its close). */
  withProjections?: boolean;
  /** Appraisal events appended after `cycle.closed` (the end of each appraisal: acknowledgement, completion). */
  afterClose?: number;
  /** Appends per appraisal before the close, like a workflow recording step by step. */
  appendsPerAppraisal?: number;
  /** Record `cycle.closed` (default true). */
  close?: boolean;
}

export interface SyntheticCycle {
  cycleId: string;
  appraisalIds: string[];
  events: number;
}

/** An 18-digit NIP per employee number. */
const nipOf = (i: number) => `19900101${1_000_000_000 + i}`;

export async function appendSyntheticCycle(
  db: Kysely<Database>,
  o: SyntheticCycleOptions,
): Promise<SyntheticCycle> {
  const cycleId = cycleIdFor(o.orgId, o.year);
  const units = Array.from({ length: o.units ?? 4 }, (_, u) => `U${u + 1}`);
  const hr = nipOf(999_999);
  const clock = new Clock(`${o.year}-01-02T01:00:00.000Z`);
  const options = o.withProjections ? { projections } : {};
  const meta = (workflowId: string, actor: string) => ({
    actor,
    tenant: o.orgId,
    workflowId,
    correlationId: workflowId,
  });
  const cycleEvents = (drafts: Draft[]): Event[] =>
    drafts.map(
      (d) =>
        ({
          eventId: randomUUID(),
          type: d.type,
          data: d.data,
          metadata: meta(cycleWorkflowId(cycleId), hr),
        }) as Event,
    );
  let cycleVersion = 0;
  const recordCycle = async (drafts: Draft[]) => {
    await appendToStream(db, eventSchemas, cycleStreamId(cycleId), cycleEvents(drafts), {
      ...options,
      expectedVersion: cycleVersion,
    });
    cycleVersion += drafts.length;
  };
  await recordCycle([
    {
      type: 'cycle.started',
      data: { cycleId, orgId: o.orgId, year: o.year, calendar: {}, population: {}, by: hr, at: clock.next() },
    },
    {
      type: 'cycle.launched',
      data: { launched: o.appraisals, alreadyRunning: 0, total: o.appraisals, at: clock.next() },
    },
  ]);

  const appraisalIds = Array.from({ length: o.appraisals }, (_, i) => appraisalIdFor(cycleId, nipOf(i)));
  const streams = appraisalIds.map((appraisalId, i) => {
    const unitCode = units[i % units.length]!;
    const who = { appraisalId, cycleId, orgId: o.orgId, nip: nipOf(i), unitCode };
    const drafts = appraisalDrafts(who, o.eventsPerAppraisal, clock.fork(i));
    const events = drafts.map(
      (d) =>
        ({
          eventId: randomUUID(),
          type: d.type,
          data: d.data,
          metadata: meta(appraisalWorkflowId(appraisalId), d.by ?? 'system:workflow'),
        }) as Event,
    );
    return { streamId: appraisalStreamId(appraisalId), events, version: 0 };
  });
  const appendChunk = async (take: (s: (typeof streams)[number]) => Event[]) => {
    for (let i = 0; i < streams.length; i += 50) {
      const batch = streams
        .slice(i, i + 50)
        .map((s) => ({ s, events: take(s) }))
        .filter((b) => b.events.length > 0);
      const outcomes = await appendMany(
        db,
        eventSchemas,
        batch.map((b) => ({ streamId: b.s.streamId, events: b.events, expectedVersion: b.s.version })),
        options,
      );
      for (const [j, outcome] of outcomes.entries()) {
        if (!outcome.ok) throw outcome.error;
        batch[j]!.s.version += batch[j]!.events.length;
      }
    }
  };
  const beforeClose = o.eventsPerAppraisal - (o.afterClose ?? 0);
  const appends = o.appendsPerAppraisal ?? 1;
  for (let k = 1; k <= appends; k++)
    await appendChunk((s) =>
      s.events.slice(Math.floor((beforeClose * (k - 1)) / appends), Math.floor((beforeClose * k) / appends)),
    );
  await recordCycle(
    units.flatMap((unitCode) => [
      { type: 'cycle.unitPredikatSet', data: { unitCode, predikat: 'baik', by: hr, at: clock.next() } },
      {
        type: 'cycle.unitCalibrated',
        data: {
          unitCode,
          unitPredikat: 'baik',
          counts: { baik: 1 },
          ok: true,
          violations: [],
          at: clock.next(),
        },
      },
      { type: 'cycle.unitReleased', data: { unitCode, employees: 1, at: clock.next() } },
    ]),
  );
  if (o.close !== false) await recordCycle([{ type: 'cycle.closed', data: { by: hr, at: clock.next() } }]);
  if (beforeClose < o.eventsPerAppraisal) await appendChunk((s) => s.events.slice(beforeClose));
  return { cycleId, appraisalIds, events: cycleVersion + streams.reduce((n, s) => n + s.events.length, 0) };
}

/** Minutes apart from a start; forks run ahead per appraisal so streams interleave in time. */
class Clock {
  private t: number;
  constructor(start: string) {
    this.t = Date.parse(start);
  }
  next(): string {
    this.t += 60_000;
    return new Date(this.t).toISOString();
  }
  /** The date of the next tick. */
  peekDate(): string {
    return new Date(this.t + 60_000).toISOString().slice(0, 10);
  }
  fork(i: number): Clock {
    return new Clock(new Date(this.t + i * 1_000).toISOString());
  }
}

/** One employee's year as its workflow would record it; activity reports fill up to `total` events. */
function appraisalDrafts(
  a: { appraisalId: string; cycleId: string; orgId: string; nip: string; unitCode: string },
  total: number,
  clock: Clock,
): Draft[] {
  const { appraisalId, nip } = a;
  const sup = '198001012005011001';
  // The actor is whoever the data names (`by`, or the reviewer); the workflow's own steps otherwise.
  const e = (type: string, data: Record<string, unknown> = {}): Draft => {
    const by = data.by ?? data.reviewerNip;
    return { type, data: { ...data, at: clock.next() }, ...(typeof by === 'string' ? { by } : {}) };
  };
  const taskId = (kind: string, q?: string) => taskIdFor(appraisalId, kind as TaskKind, q);
  const task = (kind: string, assigneeNip: string, assigneeRole: string, step: string, q?: string) =>
    e('task.assigned', { taskId: taskId(kind, q), kind, assigneeNip, assigneeRole, step, dueAt: null });
  const done = (kind: string, by: string, q?: string) => e('task.completed', { taskId: taskId(kind, q), by });
  const step = (s: string) => e('appraisal.stepEntered', { step: s, deadline: null });
  const indicator = { id: 'iki-1', description: 'Rata-rata waktu tunggu', aspect: 'waktu' };
  const rhk = (target: string) => [
    {
      id: 'rhk-1',
      kind: 'utama',
      description: 'Menurunkan waktu tunggu pasien',
      parentRhkId: null,
      indicators: [{ ...indicator, target }],
    },
  ];
  const employee = { nip, name: `Pegawai ${nip.slice(-4)}`, unitCode: a.unitCode, positionCode: 'STAF' };
  const participants = { employee, supervisorNip: sup, superiorNip: null, subordinateNips: [] };
  const head = [
    e('appraisal.started', { appraisalId, cycleId: a.cycleId, orgId: a.orgId, participants, calendar: {} }),
    step('socialisation'),
    task('acknowledgeStandards', nip, 'employee', 'socialisation'),
    e('socialisation.acknowledged', { by: nip }),
    done('acknowledgeStandards', nip),
    step('agreement'),
    task('proposeIndicators', sup, 'supervisor', 'agreement'),
    e('agreement.proposed', { version: 1, rhk: rhk('30 menit'), by: sup }),
    done('proposeIndicators', sup),
    e('agreement.commented', { version: 1, comment: 'Mohon target 40 menit', by: nip }),
    e('agreement.proposed', { version: 2, rhk: rhk('40 menit'), by: sup }),
    e('agreement.signed', { version: 2, role: 'employee', by: nip }),
    e('agreement.signed', { version: 2, role: 'supervisor', by: sup }),
    e('agreement.agreed', { version: 2 }),
    step('checkIns'),
  ];
  const realisations = [{ indicatorId: 'iki-1', value: '38 menit', evidence: [{ note: 'Rekap antrean' }] }];
  const quarters = ['I', 'II', 'III', 'IV'].flatMap((quarter) => [
    task('submitCheckIn', nip, 'employee', 'checkIns', quarter),
    e('checkIn.submitted', { quarter, realisations, by: nip }),
    done('submitCheckIn', nip, quarter),
    e('checkIn.feedbackGiven', { quarter, feedback: 'Pertahankan', by: sup }),
  ]);
  const rating = {
    results: 'sesuai',
    behaviour: 'sesuai',
    predikat: 'baik',
    feedback: 'Pertahankan kinerja',
  };
  const tail = [
    step('review'),
    e('review.peersAssigned', { peerNips: [sup], by: sup }),
    e('review.submitted', {
      reviewerNip: nip,
      role: 'self',
      scores: { akuntabel: 4, kompeten: 4 },
      comment: '',
    }),
    e('review.submitted', {
      reviewerNip: sup,
      role: 'supervisor',
      scores: { akuntabel: 4 },
      comment: 'Baik',
    }),
    step('rating'),
    task('setRating', sup, 'supervisor', 'rating'),
    e('rating.set', { ...rating, by: sup }),
    done('setRating', sup),
    e('rating.released', {
      predikat: 'baik',
      objectionDeadline: `${a.cycleId.slice(-4)}-12-31T00:00:00.000Z`,
    }),
    step('feedback'),
    task('readFeedback', nip, 'employee', 'feedback'),
    e('feedback.acknowledged', { by: nip }),
    done('readFeedback', nip),
    e('recognition.recorded', { predikat: 'baik' }),
    e('appraisal.completed'),
  ];
  const fill = Math.max(0, total - head.length - quarters.length - tail.length);
  const description = 'Melayani pendaftaran pasien rawat jalan';
  const reports = Array.from({ length: fill }, (_, r) =>
    e('activityReport.added', { reportId: `r-${r + 1}`, date: clock.peekDate(), description, by: nip }),
  );
  return [...head, ...quarters.slice(0, 8), ...reports, ...quarters.slice(8), ...tail];
}

export interface ReplayBenchResult {
  events: number;
  streams: number;
  eventsPerSec: number;
  rawEventsPerSec: number;
  ratio: number;
}

/**
 * The same rows and columns, read raw: one SELECT of the cycle's streams in (stream, version) order,
 * streamed through a server-side cursor 5,000 rows at a time; nothing is validated or folded.
 */
async function readRaw(db: Kysely<Database>, cycleId: string): Promise<number> {
  return db.transaction().execute(async (trx) => {
    await sql`declare raw_events no scroll cursor for
      select global_position, stream_id, stream_version, type, data, metadata,
             (extract(epoch from recorded_at) * 1000)::int8 as recorded_ms
      from events where stream_id = ${cycleStreamId(cycleId)} or stream_id like ${appraisalStreamsOfCycleLike(cycleId)}
      order by stream_id, stream_version`.execute(trx);
    let count = 0;
    for (;;) {
      const { rows } = await sql`fetch 5000 from raw_events`.execute(trx);
      if (rows.length === 0) return count;
      count += rows.length;
    }
  });
}

export async function benchReplay(
  options: { databaseUrl?: string; appraisals?: number; eventsPerAppraisal?: number; rounds?: number } = {},
): Promise<ReplayBenchResult> {
  const database = await throwawayDatabase(options.databaseUrl);
  const db = createDb(database.url, { max: 2 });
  try {
    await migrateToLatest(db);
    const cycle = await appendSyntheticCycle(db, {
      orgId: 'bench',
      year: 2027,
      appraisals: options.appraisals ?? 1_000,
      eventsPerAppraisal: options.eventsPerAppraisal ?? 100,
    });
    // As a live table would be: statistics up to date for the planner.
    await sql`analyze events`.execute(db);
    const { rows } = await sql<{ p: number }>`select max(global_position) as p from events`.execute(db);
    const asOf = { position: rows[0]?.p ?? 0 };
    const rounds = options.rounds ?? 3;
    let replayMs = 0;
    let rawMs = 0;
    let streams = 0;
    // One warm-up round, then raw and replay alternate so drift hits both alike.
    for (let round = -1; round < rounds; round++) {
      let started = performance.now();
      const raw = await readRaw(db, cycle.cycleId);
      if (round >= 0) rawMs += performance.now() - started;
      started = performance.now();
      const replayed = await stateAsOf(db, { cycleId: cycle.cycleId }, asOf);
      if (round >= 0) replayMs += performance.now() - started;
      if (replayed.events !== cycle.events || raw !== cycle.events)
        throw new Error(`read ${replayed.events} and ${raw} events of ${cycle.events}`);
      streams = replayed.streams;
    }
    const eventsPerSec = Math.round((cycle.events * rounds * 1000) / replayMs);
    const rawEventsPerSec = Math.round((cycle.events * rounds * 1000) / rawMs);
    return {
      events: cycle.events,
      streams,
      eventsPerSec,
      rawEventsPerSec,
      ratio: Math.round((eventsPerSec / rawEventsPerSec) * 100) / 100,
    };
  } finally {
    await db.destroy();
    await database.close();
  }
}
