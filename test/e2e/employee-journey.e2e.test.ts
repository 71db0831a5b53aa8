// One employee through all six steps with the real calendar on the time-skipping test server: a
// reminder, an escalation, a missing peer review, calibration holding a unit, an objection that
// changes the predikat, and a training referral tracked to completion.
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ActRequest } from '../../domain/appraisal/commands.ts';
import { toAppraisalCalendar } from '../../domain/cycle/appraisal-calendar.ts';
import { buildCalendar } from '../../domain/cycle/calendar.ts';
import { appraisalIdFor, appraisalWorkflowId, cycleIdFor, cycleWorkflowId } from '../../domain/ids.ts';
import type { CycleInput } from '../../workflows/cycle.ts';
import { actUpdate, calibrateNowUpdate, setUnitPredikatUpdate } from '../../workflows/messages.ts';
import { seedOrganisation } from '../support/organisation.ts';
import { createSiklusRig, type SiklusTestRig } from '../support/siklus-worker.ts';
import { clockSkipper, startTimeSkippingEnv } from '../support/temporal.ts';

const nip = {
  employee: '199001012015031001',
  supervisor: '198505052010011002',
  superior: '197703032000031003',
  peer: '199202022016042004',
  hr: '198012122005012006',
};

describe('an employee through the whole cycle (time-skipping server)', () => {
  let env: TestWorkflowEnvironment;
  let rig: SiklusTestRig;

  beforeAll(async () => {
    env = await startTimeSkippingEnv();
    rig = await createSiklusRig(env, 'journey');
    await seedOrganisation(
      rig.db,
      'bungo',
      ['PKM', 'DINKES'],
      [
        { nip: nip.superior, name: 'Kepala Dinas', unitCode: 'DINKES', supervisorNip: null },
        { nip: nip.supervisor, name: 'Kepala Puskesmas', unitCode: 'DINKES', supervisorNip: nip.superior },
        { nip: nip.employee, name: 'Siti Aminah', unitCode: 'PKM', supervisorNip: nip.supervisor },
        { nip: nip.peer, name: 'Rekan Kerja', unitCode: 'DINKES', supervisorNip: nip.supervisor },
      ],
    );
  }, 120_000);

  afterAll(async () => {
    await rig?.close();
    await env?.teardown();
  });

  it('records every step, and the projections agree with the events', async () => {
    const now = new Date(await env.currentTimeMs());
    const year = now.getUTCFullYear() + 1;
    const calendar = toAppraisalCalendar(buildCalendar(year, now.toISOString()));
    const cycleId = cycleIdFor('bungo', year);
    const appraisalId = appraisalIdFor(cycleId, nip.employee);
    const input: CycleInput = {
      cycleId,
      orgId: 'bungo',
      year,
      calendar,
      population: { unitCodes: ['PKM'] },
      startedBy: nip.hr,
    };

    await rig.worker.runUntil(async () => {
      const cycle = await env.client.workflow.start('CycleWorkflow', {
        workflowId: cycleWorkflowId(cycleId),
        taskQueue: rig.taskQueue,
        args: [input],
      });
      const appraisal = env.client.workflow.getHandle(appraisalWorkflowId(appraisalId));
      const act = (
        actor: keyof typeof nip,
        command: ActRequest['command'],
        roles: ActRequest['actor']['roles'] = [],
      ) => appraisal.executeUpdate(actUpdate, { args: [{ actor: { nip: nip[actor], roles }, command }] });
      const skipTo = clockSkipper(env);
      await waitForRow(rig, appraisalId);

      // 1. Socialisation: nobody acknowledges; a reminder 3 days before, then escalation to the supervisor.
      await skipTo(calendar.socialisation.deadline);
      // 2. Agreement: propose, comment, re-propose, both sign.
      const rhk = [
        {
          id: 'rhk-1',
          kind: 'utama' as const,
          description: 'Menurunkan waktu tunggu pasien',
          parentRhkId: null,
          indicators: [
            {
              id: 'iki-1',
              description: 'Waktu tunggu rata-rata',
              aspect: 'waktu' as const,
              target: '30 menit',
            },
          ],
        },
      ];
      await act('supervisor', { type: 'proposeIndicators', rhk });
      await act('employee', { type: 'commentIndicators', version: 1, comment: 'Mohon target 40 menit' });
      await act('supervisor', {
        type: 'proposeIndicators',
        rhk: [{ ...rhk[0]!, indicators: [{ ...rhk[0]!.indicators[0]!, target: '40 menit' }] }],
      });
      await act('employee', { type: 'signAgreement', version: 2 });
      await act('supervisor', { type: 'signAgreement', version: 2 });
      await act('employee', {
        type: 'addActivityReport',
        reportId: 'lkh-1',
        date: calendar.agreement.deadline.slice(0, 10),
        description: 'Membuat rekap antrean harian',
      });
      // 3. Check-ins: TW I-III submitted with feedback, TW IV missed.
      for (const q of ['I', 'II', 'III'] as const) {
        await skipTo(calendar.checkIns[q].start);
        await act('employee', {
          type: 'submitCheckIn',
          quarter: q,
          realisations: [
            { indicatorId: 'iki-1', value: `${45 - 1} menit`, evidence: [{ note: 'Rekap antrean' }] },
          ],
        });
        await act('supervisor', { type: 'giveCheckInFeedback', quarter: q, feedback: 'Terus tingkatkan' });
      }
      await act('supervisor', { type: 'assignPeers', peerNips: [nip.peer] });
      // 4. Review: self and supervisor review; the peer never does.
      await skipTo(calendar.review.start);
      await act('employee', { type: 'submitReview', scores: { akuntabel: 4, kompeten: 3 }, comment: '' });
      await act('supervisor', {
        type: 'submitReview',
        scores: { akuntabel: 2, kompeten: 2 },
        comment: 'Perlu bimbingan',
      });
      // 5. Rating: Sangat Kurang first; unit Baik needs at least one BP or Kurang, so calibration holds it.
      await skipTo(calendar.rating.start);
      await act('supervisor', {
        type: 'setRating',
        results: 'diBawah',
        behaviour: 'diBawah',
        feedback: 'Hasil dan perilaku di bawah ekspektasi',
      });
      await cycle.executeUpdate(setUnitPredikatUpdate, {
        args: [{ unitCode: 'PKM', predikat: 'baik', by: nip.hr }],
      });
      await skipTo(calendar.rating.deadline, 5 * 60_000);
      await waitFor(async () => (await unit(rig, cycleId))?.ok === false);
      expect((await unit(rig, cycleId))?.violations).toEqual([
        expect.objectContaining({ rule: 'baik.atLeastOneButuhPerbaikanOrKurang' }),
      ]);
      await act('supervisor', {
        type: 'setRating',
        results: 'sesuai',
        behaviour: 'diBawah',
        feedback: 'Perilaku kerja perlu diperbaiki',
      });
      await cycle.executeUpdate(calibrateNowUpdate, { args: [{ by: nip.hr }] });
      await waitFor(
        async () =>
          (
            await rig.db
              .selectFrom('appraisals')
              .select('step')
              .where('appraisal_id', '=', appraisalId)
              .executeTakeFirst()
          )?.step === 'feedback',
      );
      // 6. Objection: the superior changes the ratings; the predikat is recomputed; a referral follows.
      await act('employee', { type: 'fileObjection', reasons: 'Perilaku dinilai tanpa dialog kinerja' });
      await act('superior', {
        type: 'decideObjection',
        decision: 'changed',
        results: 'diBawah',
        behaviour: 'sesuai',
        reason: 'Perilaku sesuai ekspektasi',
      });
      await skipTo((await appraisalRow(rig, appraisalId)).deadline?.toISOString() ?? calendar.cycleEnd);
      await waitFor(async () => (await appraisalRow(rig, appraisalId)).step === 'followUp');
      await act('hr', { type: 'assignTraining', programme: 'Pelatihan pelayanan prima' }, ['hr']);
      await act('employee', { type: 'completeTraining', note: 'Sertifikat terlampir' });
      const final = await appraisal.result();
      expect(final.step).toBe('completed');
    });

    const events = await rig.db
      .selectFrom('events')
      .select(['type', 'data'])
      .where('stream_id', '=', `appraisal-${appraisalId}`)
      .orderBy('stream_version')
      .execute();
    const types = events.map((e) => e.type);
    expect(types).toContain('task.reminded');
    expect(types).toContain('socialisation.escalated');
    expect(types.filter((t) => t === 'agreement.proposed')).toHaveLength(2);
    expect(types).toContain('agreement.agreed');
    expect(
      events.filter((e) => e.type === 'checkIn.missed').map((e) => (e.data as { quarter: string }).quarter),
    ).toEqual(['IV']);
    expect(
      events
        .filter((e) => e.type === 'review.missed')
        .map((e) => (e.data as { reviewerNip: string }).reviewerNip),
    ).toEqual([nip.peer]);
    expect(events.find((e) => e.type === 'objection.decided')?.data).toMatchObject({
      previousPredikat: 'kurang',
      predikat: 'butuhPerbaikan',
    });
    expect(types).toContain('referral.created');
    expect(types).toContain('referral.completed');
    expect(types.at(-1)).toBe('appraisal.completed');

    const reports = await rig.db
      .selectFrom('activity_reports')
      .select(['nip', 'supervisor_nip', 'description'])
      .execute();
    expect(reports).toEqual([
      { nip: nip.employee, supervisor_nip: nip.supervisor, description: 'Membuat rekap antrean harian' },
    ]);
    const row = await appraisalRow(rig, appraisalId);
    expect(row).toMatchObject({ step: 'completed', predikat: 'butuhPerbaikan', version: events.length });
    const open = await rig.db
      .selectFrom('tasks')
      .select('task_id')
      .where('appraisal_id', '=', appraisalId)
      .where('status', '=', 'open')
      .execute();
    expect(open).toEqual([]);
    const escalations = await rig.db
      .selectFrom('notifications')
      .select('recipient_nip')
      .where('kind', '=', 'escalation')
      .execute();
    expect(escalations).toEqual([{ recipient_nip: nip.supervisor }]);
    const distribution = await rig.db
      .selectFrom('unit_distribution')
      .select(['predikat', 'count'])
      .where('cycle_id', '=', cycleId)
      .where('count', '>', 0)
      .execute();
    expect(distribution).toEqual([{ predikat: 'butuhPerbaikan', count: 1 }]);
  }, 300_000);
});

async function appraisalRow(rig: SiklusTestRig, appraisalId: string) {
  return rig.db
    .selectFrom('appraisals')
    .selectAll()
    .where('appraisal_id', '=', appraisalId)
    .executeTakeFirstOrThrow();
}

async function unit(rig: SiklusTestRig, cycleId: string) {
  return rig.db
    .selectFrom('unit_calibration')
    .selectAll()
    .where('cycle_id', '=', cycleId)
    .where('unit_code', '=', 'PKM')
    .executeTakeFirst();
}

async function waitForRow(rig: SiklusTestRig, appraisalId: string) {
  await waitFor(
    async () =>
      (await rig.db
        .selectFrom('appraisals')
        .select('appraisal_id')
        .where('appraisal_id', '=', appraisalId)
        .executeTakeFirst()) !== undefined,
  );
}

/** Polls a real condition (a projection row) for up to 30 s of wall time. */
async function waitFor(check: () => Promise<boolean>, timeoutMs = 30_000) {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error('condition not reached in time');
    await new Promise((r) => setTimeout(r, 100));
  }
}
