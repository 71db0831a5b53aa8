// One employee through a quarterly year with a mutasi in July and an acting rater in October, on the
// time-skipping server (test/support/mutasi-year.ts): the first rater rates TW1 and TW2 under the first
// SKP; the mutasi closes that SKP period and opens one in another unit under another rater, who agrees a
// new SKP with the employee; a Plh rates TW3 in October; the new rater rates TW4 and the year, and the akhir
// rating records both SKP periods with their periodic predikat. The same year is a replay fixture.
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appraisalTimeline } from '../../audit/timeline.ts';
import { evaluationFileOf, myPeriodResult } from '../../record/read/evaluation-file.ts';
import { recordedSkpPeriods } from '../domain/appraisal/fixtures.ts';
import { mutasiNips as nip, runMutasiYear, seedMutasiOrganisation } from '../support/mutasi-year.ts';
import { createSiklusRig, type SiklusTestRig } from '../support/siklus-worker.ts';
import { startTimeSkippingEnv } from '../support/temporal.ts';

describe('a year with a mutasi in July and an acting rater in October (time-skipping server)', () => {
  let env: TestWorkflowEnvironment;
  let rig: SiklusTestRig;

  beforeAll(async () => {
    env = await startTimeSkippingEnv();
    rig = await createSiklusRig(env, 'mutasi');
    await seedMutasiOrganisation(rig.db, 'tanjabbar');
  }, 120_000);

  afterAll(async () => {
    await rig?.close();
    await env?.teardown();
  });

  it('evaluates each SKP period under its own rater and makes the akhir predikat from both', async () => {
    const year = await rig.worker.runUntil(runMutasiYear(env, rig, 'tanjabbar'));
    const events = await rig.db
      .selectFrom('events')
      .select(['type', 'data'])
      .where('stream_id', '=', `appraisal-${year.appraisalId}`)
      .orderBy('stream_version')
      .execute();
    const of = (type: string) =>
      events.filter((e) => e.type === type).map((e) => e.data as Record<string, unknown>);
    expect(of('mutasi.recorded')).toEqual([
      expect.objectContaining({
        kind: 'mutasi',
        skpPeriod: 2,
        effectiveDate: `${year.year}-07-20`,
        unitCode: 'PKM2',
        supervisorNip: nip.newRater,
        closed: {
          unitCode: 'PKM',
          positionCode: 'STAF',
          supervisorNip: nip.firstRater,
          superiorNip: nip.superior,
          agreedVersion: 1,
          periods: ['TW1', 'TW2'],
        },
      }),
    ]);
    // Two SKPs agreed in one year: the first with the first rater, the second with the new one.
    expect(of('agreement.agreed').map((d) => d.version)).toEqual([1, 2]);
    expect(of('agreement.signed').map((d) => [d.version, d.role, d.by])).toEqual([
      [1, 'employee', nip.employee],
      [1, 'supervisor', nip.firstRater],
      [2, 'employee', nip.employee],
      [2, 'supervisor', nip.newRater],
    ]);
    expect(of('period.rated').map((d) => [d.period, d.by, d.predikat])).toEqual([
      ['TW1', nip.firstRater, 'baik'],
      ['TW2', nip.firstRater, 'baik'],
      ['TW3', nip.acting, 'baik'],
      ['TW4', nip.newRater, 'baik'],
    ]);
    expect(year.firstRaterRefused).toBe('forbidden_actor');
    const moved = of('task.reassigned').map((d) => [
      String(d.taskId).split(':').slice(1).join(':'),
      d.assigneeNip,
    ]);
    expect(moved).toEqual([['ratePeriod:TW3', nip.acting]]);
    expect(of('rating.set')).toEqual([
      expect.objectContaining({
        by: nip.newRater,
        predikat: 'baik',
        skpPeriods: recordedSkpPeriods([
          [1, 'PKM', 'STAF', nip.firstRater, { TW1: 'baik', TW2: 'baik' }],
          [2, 'PKM2', 'STAF', nip.newRater, { TW3: 'baik', TW4: 'baik' }],
        ]),
      }),
    ]);
    expect(events.at(-1)?.type).toBe('appraisal.completed');
    const row = await rig.db
      .selectFrom('appraisals')
      .select(['unit_code', 'supervisor_nip', 'predikat'])
      .where('appraisal_id', '=', year.appraisalId)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ unit_code: 'PKM2', supervisor_nip: nip.newRater, predikat: 'baik' });
    // The read model: each period against the SKP in force in it (v1 before the mutasi, v2 after).
    const me = { nip: nip.employee, org: 'tanjabbar', roles: ['employee' as const], allOrganisations: false };
    const rater = { ...me, nip: nip.newRater };
    const answer = await evaluationFileOf(rig.db, rater, 'tanjabbar', year.appraisalId);
    if (!('file' in answer)) throw new Error(`the evaluation file was refused: ${answer.refused}`);
    expect(
      answer.file.periods.map((p) => [
        p.period,
        p.skp?.version,
        p.skp?.rhk.map((r) => r.id),
        p.realisation?.realisations.map((r) => r.indicatorId),
      ]),
    ).toEqual([
      ['TW1', 1, ['rhk-1'], ['rhk-1-iki']],
      ['TW2', 1, ['rhk-1'], ['rhk-1-iki']],
      ['TW3', 2, ['rhk-9'], ['rhk-9-iki']],
      ['TW4', 2, ['rhk-9'], ['rhk-9-iki']],
    ]);
    const tw1 = await myPeriodResult(rig.db, me, year.cycleId, 'TW1');
    expect(tw1?.rhk.map((r) => r.id)).toEqual(['rhk-1']);
    const timeline = (await appraisalTimeline(rig.db, year.appraisalId, 'en')).map((e) => e.sentence);
    expect(timeline).toEqual(
      expect.arrayContaining([
        `HR recorded a mutasi to STAF in unit PKM2 (rater ${nip.newRater}), effective ${year.year}-07-20: SKP period 1 closed, SKP period 2 opened: SK Bupati Tanjung Jabung Barat 821/2027: mutasi ke Puskesmas Merlung`,
      ]),
    );
  }, 300_000);
});
