// One employee through a quarterly year of periodic evaluations on the time-skipping server: four
// periods, TW2 escalated to the rater's superior, the akhir rating escalated too (no appraisal completes
// without a predikat), an objection and the follow-up.
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
import { startTimeSkippingEnv } from '../support/temporal.ts';

const nip = {
  employee: '199001012015031001',
  supervisor: '198505052010011002',
  superior: '197703032000031003',
  hr: '198012122005012006',
};
const zone = 'Asia/Jakarta';

describe('a quarterly year of periodic evaluations (time-skipping server)', () => {
  let env: TestWorkflowEnvironment;
  let rig: SiklusTestRig;

  beforeAll(async () => {
    env = await startTimeSkippingEnv();
    rig = await createSiklusRig(env, 'periodic');
    await seedOrganisation(
      rig.db,
      'bungo',
      ['PKM', 'DINKES'],
      [
        { nip: nip.superior, name: 'Kepala Dinas', unitCode: 'DINKES', supervisorNip: null },
        { nip: nip.supervisor, name: 'Kepala Puskesmas', unitCode: 'DINKES', supervisorNip: nip.superior },
        { nip: nip.employee, name: 'Siti Aminah', unitCode: 'PKM', supervisorNip: nip.supervisor },
      ],
    );
  }, 120_000);

  afterAll(async () => {
    await rig?.close();
    await env?.teardown();
  });

  it('evaluates each period, escalates the unrated ones and completes only with a predikat', async () => {
    const now = new Date(await env.currentTimeMs());
    const year = now.getUTCFullYear() + 1;
    const built = toAppraisalCalendar(buildCalendar(year, now.toISOString(), { periods: 'quarterly' }, zone));
    const { periods, ratingEscalation } = built;
    if (!periods || !ratingEscalation) throw new Error('a quarterly calendar has periods');
    const calendar = { ...built, periods, ratingEscalation };
    const windows = periods.windows;
    const { superiorDeadline } = ratingEscalation;
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
      const skipTo = async (iso: string, extraMs = 60_000) => {
        const wait = Date.parse(iso) - (await env.currentTimeMs()) + extraMs;
        if (wait > 0) await env.sleep(wait);
      };
      await waitFor(async () => (await appraisalRow(rig, appraisalId)) !== undefined);

      await act('employee', { type: 'acknowledgeStandards' });
      await skipTo(calendar.agreement.start);
      const rhk = [
        {
          id: 'rhk-1',
          kind: 'utama' as const,
          description: 'Menurunkan waktu tunggu pasien',
          parentRhkId: null,
          indicators: [
            { id: 'iki-1', description: 'Waktu tunggu', aspect: 'waktu' as const, target: '30 menit' },
          ],
        },
      ];
      await act('supervisor', { type: 'proposeIndicators', rhk });
      await act('employee', { type: 'signAgreement', version: 1 });
      await act('supervisor', { type: 'signAgreement', version: 1 });

      const realise = (period: string) =>
        act('employee', {
          type: 'recordRealisation',
          period,
          realisations: [
            { indicatorId: 'iki-1', value: '35 menit', evidence: [{ url: 'https://arsip.example/antrean' }] },
          ],
        });
      for (const window of windows) {
        await skipTo(window.opens);
        await realise(window.id);
        await act('supervisor', {
          type: 'givePeriodFeedback',
          period: window.id,
          rhkId: 'rhk-1',
          feedback: 'Antrean pagi masih panjang',
        });
        if (window.id === 'TW2') {
          // The rater lets the deadline pass: the superior rates instead.
          await skipTo(window.deadline);
          await expect(
            act('superior', {
              type: 'ratePeriod',
              period: 'TW1',
              results: 'sesuai',
              behaviour: 'sesuai',
              feedback: 'x',
            }),
          ).rejects.toThrow();
          await act('superior', {
            type: 'ratePeriod',
            period: 'TW2',
            results: 'diAtas',
            behaviour: 'sesuai',
            feedback: 'Dinilai oleh atasan pejabat penilai',
          });
        } else {
          await act('supervisor', {
            type: 'ratePeriod',
            period: window.id,
            results: 'sesuai',
            behaviour: 'sesuai',
            feedback: 'Sesuai ekspektasi',
          });
        }
        await act('employee', { type: 'acknowledgePeriod', period: window.id });
      }

      // The akhir rating: the rater never rates; the superior does, after the escalation.
      await skipTo(calendar.review.start);
      await act('employee', { type: 'submitReview', scores: { akuntabel: 4 }, comment: '' });
      await cycle.executeUpdate(setUnitPredikatUpdate, {
        args: [{ unitCode: 'PKM', predikat: 'baik', by: nip.hr }],
      });
      await skipTo(calendar.rating.deadline);
      await waitFor(async () =>
        (await openTaskIds(rig, appraisalId)).some((t) => t.endsWith(':setRating:superior')),
      );
      // The unit waits for the escalated rating before its distribution is checked.
      await cycle.executeUpdate(calibrateNowUpdate, { args: [{ by: nip.hr }] });
      await waitFor(
        async () =>
          ((await unitRow(rig, cycleId))?.violations as Array<{ rule: string }> | null)?.some(
            (v) => v.rule === 'unit.ratingsPending',
          ) === true,
      );
      expect((await appraisalRow(rig, appraisalId))?.step).toBe('rating');
      await act('superior', {
        type: 'setRating',
        results: 'diBawah',
        behaviour: 'sesuai',
        feedback: 'Hasil kerja di bawah ekspektasi',
      });
      await cycle.executeUpdate(calibrateNowUpdate, { args: [{ by: nip.hr }] });
      await waitFor(async () => (await appraisalRow(rig, appraisalId))?.step === 'feedback');
      await act('employee', { type: 'fileObjection', reasons: 'Realisasi TW2 di atas ekspektasi' });
      await act('superior', {
        type: 'decideObjection',
        decision: 'upheld',
        reason: 'Capaian tahunan tetap di bawah target',
      });
      await skipTo((await appraisalRow(rig, appraisalId))?.deadline?.toISOString() ?? calendar.cycleEnd);
      await waitFor(async () => (await appraisalRow(rig, appraisalId))?.step === 'followUp');
      await act('hr', { type: 'assignTraining', programme: 'Pelatihan pelayanan prima' }, ['hr']);
      await act('employee', { type: 'completeTraining', note: 'Sertifikat terlampir' });
      expect((await appraisal.result()).step).toBe('completed');
    });

    const events = await rig.db
      .selectFrom('events')
      .select(['type', 'data'])
      .where('stream_id', '=', `appraisal-${appraisalId}`)
      .orderBy('stream_version')
      .execute();
    const of = (type: string) =>
      events.filter((e) => e.type === type).map((e) => e.data as Record<string, unknown>);
    expect(of('period.opened').map((d) => d.period)).toEqual(['TW1', 'TW2', 'TW3', 'TW4']);
    expect(of('period.rated').map((d) => [d.period, d.as, d.predikat])).toEqual([
      ['TW1', 'rater', 'baik'],
      ['TW2', 'superior', 'baik'],
      ['TW3', 'rater', 'baik'],
      ['TW4', 'rater', 'baik'],
    ]);
    expect(of('period.escalated')).toEqual([
      expect.objectContaining({ period: 'TW2', to: 'superior', assigneeNip: nip.superior }),
    ]);
    expect(of('period.acknowledged')).toHaveLength(4);
    expect(of('period.missed')).toEqual([]);
    // The reminder of TW2's rating went to the rater 3 days before its deadline.
    expect(of('task.reminded').some((d) => String(d.taskId).endsWith(':ratePeriod:TW2'))).toBe(true);
    expect(of('rating.escalated')).toEqual([
      expect.objectContaining({ to: 'superior', deadline: superiorDeadline }),
    ]);
    expect(of('rating.set')).toEqual([
      expect.objectContaining({ as: 'superior', predikat: 'butuhPerbaikan' }),
    ]);
    expect(events.at(-1)?.type).toBe('appraisal.completed');
    expect(await appraisalRow(rig, appraisalId)).toMatchObject({
      step: 'completed',
      predikat: 'butuhPerbaikan',
    });
  }, 300_000);
});

async function appraisalRow(rig: SiklusTestRig, appraisalId: string) {
  return rig.db
    .selectFrom('appraisals')
    .selectAll()
    .where('appraisal_id', '=', appraisalId)
    .executeTakeFirst();
}

async function unitRow(rig: SiklusTestRig, cycleId: string) {
  return rig.db
    .selectFrom('unit_calibration')
    .selectAll()
    .where('cycle_id', '=', cycleId)
    .where('unit_code', '=', 'PKM')
    .executeTakeFirst();
}

async function openTaskIds(rig: SiklusTestRig, appraisalId: string) {
  const rows = await rig.db
    .selectFrom('tasks')
    .select('task_id')
    .where('appraisal_id', '=', appraisalId)
    .where('status', '=', 'open')
    .execute();
  return rows.map((r) => r.task_id);
}

/** Polls a real condition (a projection row) for up to 30 s of wall time. */
async function waitFor(check: () => Promise<boolean>, timeoutMs = 30_000) {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error('condition not reached in time');
    await new Promise((r) => setTimeout(r, 100));
  }
}
