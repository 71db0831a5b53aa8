// The audit timeline of an objection heard: explanations asked (who, until when on the organisation's wall
// clock), answered and missed, and a decision recorded by HR as the delegate of a superior outside siklus,
// each decision naming the regulation pack it was made under. Against real PostgreSQL, the events
// appended through the event store and the production projections.
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appraisalTimeline } from '../../audit/timeline.ts';
import type { AppraisalCommand } from '../../domain/appraisal/commands.ts';
import { decide } from '../../domain/appraisal/decide.ts';
import type { AppraisalEvent } from '../../domain/appraisal/events.ts';
import { expireExplanations } from '../../domain/appraisal/objection.ts';
import { type AppraisalState, evolve } from '../../domain/appraisal/state.ts';
import * as transitions from '../../domain/appraisal/transitions.ts';
import type { Actor } from '../../domain/appraisal/types.ts';
import type { Database } from '../../schema/database.ts';
import { createDb } from '../../schema/db.ts';
import { migrateToLatest } from '../../schema/migrate.ts';
import { seedOrganisation } from '../../simulation/seed.ts';
import { actor, startedAppraisal, t0 } from '../domain/appraisal/fixtures.ts';
import { appendAppraisalEvents } from '../support/appraisal-events.ts';
import { createTestDatabase } from '../support/database.ts';

const zone = 'Asia/Jakarta';
let database: Awaited<ReturnType<typeof createTestDatabase>>;
let db: Kysely<Database>;

/** The year's end as events: rated Kurang/Misconduct, released, objected to, heard, decided by HR. */
function heardByDelegate(): { appraisalId: string; events: AppraisalEvent[] } {
  const base = startedAppraisal();
  let state: AppraisalState = { ...base, participants: { ...base.participants, superiorNip: null } };
  const events: AppraisalEvent[] = [
    {
      type: 'appraisal.started',
      data: {
        appraisalId: state.appraisalId,
        cycleId: state.cycleId,
        orgId: state.orgId,
        participants: state.participants,
        calendar: state.calendar,
        at: t0,
      },
    },
  ];
  const add = (more: AppraisalEvent[]) => {
    events.push(...more);
    state = more.reduce(evolve, state);
  };
  const act = (who: Actor, command: AppraisalCommand, now: string) =>
    add(decide(state, command, { actor: who, now, timeZone: zone }));
  add(transitions.enterStep(state, 'rating', '2026-02-14T00:00:00.000Z', t0));
  act(
    actor('supervisor'),
    { type: 'setRating', results: 'sesuai', behaviour: 'diBawah', feedback: 'Terlambat' },
    '2026-02-10T00:00:00.000Z',
  );
  add(transitions.release(state, '2026-03-15T16:59:59.000Z', '2026-03-01T00:00:00.000Z'));
  act(actor('employee'), { type: 'fileObjection', reasons: 'Izin sudah ada' }, '2026-03-05T03:00:00.000Z');
  const asked = '2026-03-06T02:00:00.000Z';
  act(actor('hr'), { type: 'askExplanation', from: 'rater', question: 'Mana rekapnya?', days: 2 }, asked);
  act(
    actor('hr'),
    { type: 'askExplanation', from: 'employee', question: 'Siapa yang mengizinkan?', days: 1 },
    asked,
  );
  act(
    actor('supervisor'),
    { type: 'explainObjection', explanation: 'Rekap terlampir' },
    '2026-03-07T01:00:00.000Z',
  );
  add(expireExplanations(state, '2026-03-07T16:59:59.000Z'));
  act(
    actor('hr'),
    {
      type: 'decideObjection',
      decision: 'upheld',
      reason: 'Sesuai SK Bupati',
      letterRef: '800/12/BKPSDM/2026',
    },
    '2026-03-09T03:00:00.000Z',
  );
  return { appraisalId: state.appraisalId, events };
}

beforeAll(async () => {
  database = await createTestDatabase('timeline_objection');
  db = createDb(database.url);
  await migrateToLatest(db);
  await seedOrganisation(db, 'bungo', ['DINKES'], [], zone);
}, 60_000);

afterAll(async () => {
  await db?.destroy();
  await database?.drop();
});

describe('the timeline of an objection heard and decided by a delegate', () => {
  it('says who was asked until when (WIB), the answer and the one missed, the letter and the pack in force', async () => {
    const { appraisalId, events } = heardByDelegate();
    await appendAppraisalEvents(db, appraisalId, 0, events);
    const id = (await appraisalTimeline(db, appraisalId, 'id', zone)).map((e) => e.sentence);
    expect(id).toContain('HR meminta penjelasan dari atasan sampai 8 Mar 2026 23.59 WIB: “Mana rekapnya?”');
    expect(id).toContain(
      'HR meminta penjelasan dari pegawai sampai 7 Mar 2026 23.59 WIB: “Siapa yang mengizinkan?”',
    );
    expect(id).toContain('Atasan memberi penjelasan atas keberatan');
    expect(id).toContain('Penjelasan dari pegawai tidak masuk sampai tenggat');
    expect(id.find((s) => s.includes('menolak keberatan'))).toBe(
      'HR menolak keberatan; predikat tetap Kurang/Misconduct (sebagai kuasa, surat keputusan 800/12/BKPSDM/2026) (aturan asn-2023, berlaku sejak 1 Jan 2023)',
    );
    expect(id.find((s) => s.includes('menetapkan rating'))).toContain(
      '(aturan asn-2023, berlaku sejak 1 Jan 2023)',
    );
    // Recorded under the launcher's id like the launch itself, the workflow's own steps are the system's.
    const entries = await appraisalTimeline(db, appraisalId, 'id', zone);
    const whoDid = (type: string) => entries.find((e) => e.type === type)?.who;
    expect([whoDid('appraisal.stepEntered'), whoDid('rating.released')]).toEqual(['Sistem', 'Sistem']);
    expect([whoDid('appraisal.started'), whoDid('rating.set')]).toEqual(['test', 'test']);
    const en = (await appraisalTimeline(db, appraisalId, 'en', zone)).map((e) => e.sentence);
    expect(en).toContain('HR asked the supervisor to explain by 8 Mar 2026 23:59 WIB: “Mana rekapnya?”');
    expect(en.find((s) => s.includes('upheld'))).toContain(
      '(as delegate, decision letter 800/12/BKPSDM/2026) (rules asn-2023, in force from 1 Jan 2023)',
    );
  });
});
