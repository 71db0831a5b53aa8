// The cycle's own checkpoint seals (patch checkpoint-seals): a penetapan year on the time-skipping
// server seals at the penetapan's signature, at the unit's release and on the days the log moved, never
// twice over an unchanged log; a document issued after them verifies against the log. And the seal
// activity's idempotence: a retry (same event id) and a day with nothing new write no seal.
import { randomUUID } from 'node:crypto';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueDocuments } from '../../documents/issue.ts';
import { readPdf } from '../../documents/read-pdf.ts';
import { sealsOf } from '../../documents/seals.ts';
import { verifyWithLog } from '../../documents/verify-document.ts';
import { cycleStreamId } from '../../domain/ids.ts';
import {
  headsAsOf,
  headsForSeal,
  sealCheckpoint,
  settledPosition,
} from '../../record/projections/checkpoint-seals.ts';
import { appendAppraisalEvents } from '../support/appraisal-events.ts';
import { type CycleJourney, journeyNips } from '../support/cycle-journey.ts';
import { runPenetapanYear, seedPenetapanOrganisation } from '../support/penetapan-year.ts';
import { type RunningRig, startRunningRig } from '../support/siklus-worker.ts';
import { startTimeSkippingEnv } from '../support/temporal.ts';

const orgId = 'tanjabtim';
let rig: RunningRig;
let journey: CycleJourney;

beforeAll(async () => {
  const env: TestWorkflowEnvironment = await startTimeSkippingEnv();
  rig = await startRunningRig(env, 'checkpoint_seals');
  await seedPenetapanOrganisation(rig.db, orgId);
  journey = await runPenetapanYear(env, rig, orgId);
}, 240_000);

afterAll(async () => {
  await rig?.stop();
});

const cycleEvent = async (type: string) => {
  const row = await rig.db
    .selectFrom('events')
    .select('global_position')
    .where('stream_id', '=', cycleStreamId(journey.cycleId))
    .where('type', '=', type)
    .executeTakeFirstOrThrow();
  return row.global_position;
};

/** Waits until the log's last position stays the same for a second (at most a minute). */
async function logStandsStill(): Promise<void> {
  const last = async () =>
    Number(
      (
        await rig.db
          .selectFrom('events')
          .select((eb) => eb.fn.max('global_position').as('at'))
          .executeTakeFirst()
      )?.at ?? 0,
    );
  let seen = await last();
  for (let i = 0; i < 60; i++) {
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const now = await last();
    if (now === seen) return;
    seen = now;
  }
  throw new Error('the log kept moving for a minute');
}

describe("the cycle's checkpoint seals", () => {
  it('seals at the signature, at the release and daily, chained, never over an unchanged log', async () => {
    const seals = await sealsOf(rig.db, journey.cycleId);
    const reasons = seals.map((s) => s.reason);
    expect(reasons).toContain('penetapan');
    expect(reasons).toContain('release');
    expect(reasons).toContain('daily');
    const signed = await cycleEvent('cycle.penetapanSigned');
    const released = await cycleEvent('cycle.unitReleased');
    expect(seals.find((s) => s.reason === 'penetapan')?.position).toBeGreaterThanOrEqual(signed);
    expect(seals.find((s) => s.reason === 'release')?.position).toBeGreaterThanOrEqual(released);
    seals.forEach((s, i) => {
      expect(s.sequence).toBe(i + 1);
      expect(s.previousRoot).toBe(i === 0 ? null : seals[i - 1]?.root);
      expect(s.documents).toEqual([]);
      // Each seal covers a log that moved since the one before.
      if (i > 0) expect(s.position).toBeGreaterThan(seals[i - 1]?.position ?? 0);
    });
  });

  it('a document issued after the release verifies against the log, its seal chained to the last', async () => {
    const before = await sealsOf(rig.db, journey.cycleId);
    const { documents, seal } = await issueDocuments(
      rig.db,
      orgId,
      journey.cycleId,
      [{ appraisalId: journey.appraisalId, kind: 'evaluasi', period: 'akhir' }],
      { lang: 'id', actor: 'system:test', publicUrl: 'https://siklus.test' },
    );
    expect(seal?.previousRoot).toBe(before.at(-1)?.root);
    const document = documents[0];
    if (!document) throw new Error('no document issued');
    const check = await verifyWithLog(rig.db, await readPdf(document.pdf));
    expect(check.findings).toEqual([]);
    expect(check.intact).toBe(true);
  });

  it('writes no second seal for a retry or for a log that did not move', async () => {
    const { cycleId } = journey;
    const request = { cycleId, reason: 'daily' as const, actor: 'system:test' };
    const count = async () => (await sealsOf(rig.db, cycleId)).length;
    // The worker runs on, and the year's workflows may still be recording what followed the release: once
    // the log is still, whatever moved is sealed; after that, nothing moved: nothing to seal.
    await logStandsStill();
    await sealCheckpoint(rig.db, { ...request, eventId: randomUUID() });
    const before = await count();
    expect(await sealCheckpoint(rig.db, { ...request, eventId: randomUUID() })).toMatchObject({
      sealed: false,
      why: 'unchanged',
    });
    expect(await count()).toBe(before);
    // A newcomer's appraisal moves the log: one seal, and its retry (same event id) none.
    await appendAppraisalEvents(rig.db, `${cycleId}.${newcomer}`, 0, [startedOf(cycleId)]);
    const eventId = randomUUID();
    const first = await sealCheckpoint(rig.db, { ...request, eventId });
    expect(first).toEqual({ sealed: true, sequence: before + 1 });
    const retried = await sealCheckpoint(rig.db, { ...request, eventId });
    expect(retried).toEqual({ sealed: false, why: 'retried', sequence: before + 1 });
    expect(await count()).toBe(before + 1);
  });

  it("takes a new seal's heads from the streams table, as the log has them at the seal's position", async () => {
    const { cycleId } = journey;
    const [moving, later] = ['199606062021012006', '199707072022012007'];
    await appendAppraisalEvents(rig.db, `${cycleId}.${moving}`, 0, [startedOf(cycleId, moving)]);
    const position = await settledPosition(rig.db);
    const atPosition = await headsAsOf(rig.db, cycleId, position);
    expect(await headsForSeal(rig.db, cycleId, position)).toEqual(atPosition);
    // After the position: one stream moves on, another begins; the heads as of the position stay.
    const cancelled = { reason: 'Pindah instansi', by: journeyNips.hr, at: new Date().toISOString() };
    await appendAppraisalEvents(rig.db, `${cycleId}.${moving}`, 1, [
      { type: 'appraisal.cancelled', data: cancelled },
    ]);
    await appendAppraisalEvents(rig.db, `${cycleId}.${later}`, 0, [startedOf(cycleId, later)]);
    const heads = await headsForSeal(rig.db, cycleId, position);
    expect(heads).toEqual(atPosition);
    expect(heads.get(`appraisal-${cycleId}.${moving}`)?.version).toBe(1);
    expect(heads.has(`appraisal-${cycleId}.${later}`)).toBe(false);
  });
});

const newcomer = '199505052020122005';
const startedOf = (cycleId: string, nip = newcomer) => ({
  type: 'appraisal.started',
  data: {
    appraisalId: `${cycleId}.${nip}`,
    cycleId,
    orgId,
    participants: {
      employee: { nip, name: 'Pegawai Baru', unitCode: 'PKM', positionCode: 'STAF' },
      supervisorNip: null,
      superiorNip: null,
      subordinateNips: [],
    },
    calendar: {},
    at: new Date().toISOString(),
  },
});
