// A quarterly year with changes during the year, the scenario the e2e journey asserts and the replay
// fixtures record: HR corrects the wrong rater the org chart gave one employee (in January, while the SKP
// proposal waits), and appoints an acting rater (Plh) for October, who rates TW3; before and after the
// range the rater rates. A colleague leaves in April and comes back in August: a second appraisal of hers
// starts in the cycle, from the return. (The mutasi in July is mutasi-year.ts's year.) Needs a seeded
// organisation (seedChangesOrganisation) and a running worker.
import type { Kysely } from 'kysely';
import type { ActRequest } from '../../domain/appraisal/commands.ts';
import { appraisalIdFor, appraisalWorkflowId } from '../../domain/ids.ts';
import type { Database } from '../../schema/database.ts';
import {
  actUpdate,
  changeRaterUpdate,
  rejoinEmployeeUpdate,
  removeEmployeeUpdate,
} from '../../workflows/messages.ts';
import { journeyNips, seedUnderDinasHeads, waitFor } from './cycle-journey.ts';
import { type PlhYear, plh, quarterlyYear, refusalOf, selfReviewThenRating } from './quarterly-year.ts';

export const changesNips = {
  ...journeyNips,
  /** The rater the org chart wrongly gives. */
  wrongRater: '198602022011011004',
  /** Pelaksana harian for October. */
  acting: plh.nip,
  /** Leaves in April, comes back in August. */
  leaver: '199303032018012007',
};
const nip = changesNips;

export function seedChangesOrganisation(db: Kysely<Database>, orgId: string) {
  return seedUnderDinasHeads(
    db,
    orgId,
    ['PKM', 'DINKES'],
    [
      { nip: nip.wrongRater, name: 'Kepala Seksi', unitCode: 'DINKES', supervisorNip: nip.superior },
      { ...plh, supervisorNip: nip.supervisor },
      { nip: nip.employee, name: 'Siti Aminah', unitCode: 'PKM', supervisorNip: nip.wrongRater },
      { nip: nip.leaver, name: 'Dewi Kembali', unitCode: 'PKM', supervisorNip: nip.supervisor },
    ],
  );
}

export interface ChangesYear extends PlhYear {
  /** Who held TW3's and TW4's rating tasks just after each window opened, and on 1 October. */
  holders: { tw3Opened: string | null; october: string | null; tw4Opened: string | null };
  /** What the rater's attempt at TW3 in October was refused with. */
  raterRefusedInOctober: string;
  /** The colleague's two appraisals: cancelled in April, and the one from her return in August. */
  leaver: { first: string; second: string; returnedAt: string };
}

/** Runs the year to the appraisal's completion and the cycle's close by HR. */
export const runChangesYear = quarterlyYear(async (journey, { env, rig }): Promise<ChangesYear> => {
  const { year, calendar, cycle, appraisal, cycleId, appraisalId, skipTo } = journey;
  const windows = calendar.periods?.windows ?? [];
  const actOn = (appraisalOf: string) => (actor: keyof typeof nip, command: ActRequest['command']) =>
    env.client.workflow
      .getHandle(appraisalWorkflowId(appraisalOf))
      .executeUpdate(actUpdate, { args: [{ actor: { nip: nip[actor], roles: [] }, command }] });
  const act = actOn(appraisalId);
  const leaver = {
    first: appraisalIdFor(cycleId, nip.leaver),
    second: appraisalIdFor(cycleId, nip.leaver, 2),
    returnedAt: `${year}-08-03T02:00:00.000Z`,
  };
  /** The holder of the open task whose id ends so, once there is one. */
  const holder = async (suffix: string) => {
    let task: { assignee_nip: string | null } | undefined;
    await waitFor(`an open …${suffix}`, async () => {
      task = await rig.db
        .selectFrom('tasks')
        .select('assignee_nip')
        .where('task_id', '=', `${appraisalId}${suffix}`)
        .where('status', '=', 'open')
        .executeTakeFirst();
      return task !== undefined;
    });
    return task?.assignee_nip ?? null;
  };

  // January: the SKP proposal waits on the wrong rater; HR corrects the rater, and it moves.
  await act('employee', { type: 'acknowledgeStandards' });
  await skipTo(calendar.agreement.start);
  await holder(':proposeIndicators:v1');
  await appraisal.executeUpdate(changeRaterUpdate, {
    args: [
      {
        raterNip: nip.supervisor,
        superiorNip: nip.superior,
        reason: 'Atasan langsung salah di data kepegawaian',
        effectiveDate: `${year}-01-01`,
        by: nip.hr,
      },
    ],
  });
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
  /** The SKP of the colleague's appraisal: proposed by the rater, signed by both. */
  const agreeOn = async (appraisalOf: string) => {
    const on = actOn(appraisalOf);
    await on('supervisor', { type: 'proposeIndicators', rhk });
    await on('leaver', { type: 'signAgreement', version: 1 });
    await on('supervisor', { type: 'signAgreement', version: 1 });
  };
  await agreeOn(leaver.first);
  const leaverRow = (appraisalOf: string) =>
    rig.db.selectFrom('appraisals').select('step').where('appraisal_id', '=', appraisalOf).executeTakeFirst();

  const realise = (period: string) =>
    act('employee', {
      type: 'recordRealisation',
      period,
      realisations: [{ indicatorId: 'iki-1', value: '32 menit', evidence: [{ note: 'Rekap antrean' }] }],
    });
  const rate = (who: keyof typeof nip, period: string) =>
    act(who, {
      type: 'ratePeriod',
      period,
      results: 'sesuai',
      behaviour: 'sesuai',
      feedback: who === 'acting' ? 'Dinilai oleh Plh Kepala Puskesmas' : 'Sesuai ekspektasi',
    });
  const holders: ChangesYear['holders'] = { tw3Opened: null, october: null, tw4Opened: null };
  let raterRefusedInOctober = 'not refused';
  let acting = { startsAt: '', endsAt: '' };
  for (const window of windows) {
    if (window.id === 'TW2') {
      // In April the colleague leaves; in August she is back, and a new appraisal of hers starts.
      await skipTo(`${year}-04-15T02:00:00.000Z`);
      await cycle.executeUpdate(removeEmployeeUpdate, {
        args: [{ nip: nip.leaver, reason: 'Cuti di luar tanggungan negara', by: nip.hr }],
      });
      await waitFor(
        'the colleague’s appraisal cancelled',
        async () => (await leaverRow(leaver.first))?.step === 'cancelled',
      );
    }
    if (window.id === 'TW3') {
      await skipTo(leaver.returnedAt);
      await cycle.executeUpdate(rejoinEmployeeUpdate, {
        args: [{ nip: nip.leaver, reason: 'Kembali dari cuti', effectiveDate: `${year}-08-02`, by: nip.hr }],
      });
      await waitFor(
        'the colleague’s new appraisal',
        async () => (await leaverRow(leaver.second)) !== undefined,
      );
      await waitFor('its workflow', () =>
        env.client.workflow
          .getHandle(appraisalWorkflowId(leaver.second))
          .describe()
          .then(
            () => true,
            () => false,
          ),
      );
      await actOn(leaver.second)('leaver', { type: 'acknowledgeStandards' });
      await skipTo(`${year}-08-20T02:00:00.000Z`);
      await agreeOn(leaver.second);
      acting = await journey.hr.appointPlhForOctober(nip.acting, 'Kepala Puskesmas cuti besar');
    }
    await skipTo(window.opens);
    const ratingTask = `:ratePeriod:${window.id}`;
    if (window.id === 'TW3') holders.tw3Opened = await holder(ratingTask);
    if (window.id === 'TW4') holders.tw4Opened = await holder(ratingTask);
    await realise(window.id);
    if (window.id !== 'TW3') {
      await rate('supervisor', window.id);
    } else {
      // October: the Plh holds the rater's part and rates; the rater may not meanwhile.
      await skipTo(acting.startsAt);
      await waitFor('the task moved to the Plh', async () => (await holder(ratingTask)) === nip.acting);
      holders.october = await holder(ratingTask);
      raterRefusedInOctober = await refusalOf(rate('supervisor', 'TW3'));
      await act('acting', {
        type: 'givePeriodFeedback',
        period: 'TW3',
        rhkId: 'rhk-1',
        feedback: 'Antrean sore perlu dipantau',
      });
      await rate('acting', 'TW3');
      await skipTo(acting.endsAt);
    }
    await act('employee', { type: 'acknowledgePeriod', period: window.id });
  }

  // The akhir rating by the rater, a unit whose capaian lets one Baik pass, the release, the end.
  await selfReviewThenRating(journey);
  for (const rate of [act, actOn(leaver.second)])
    await rate('supervisor', {
      type: 'setRating',
      results: 'sesuai',
      behaviour: 'sesuai',
      feedback: 'Sesuai ekspektasi sepanjang tahun',
    });
  await journey.hr.setUnitPredikat('istimewa');
  await journey.releaseAndClose();
  return { cycle, appraisal, cycleId, appraisalId, acting, holders, raterRefusedInOctober, leaver };
});
