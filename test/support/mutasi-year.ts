// A quarterly year with a mutasi in July and an acting rater in October, the scenario the e2e journey
// asserts and a replay fixture records: the SKP is agreed with the first rater, who rates TW1 and TW2; in
// July the employee moves to another unit and position under another rater (the SKP period closes, a new
// one opens and its SKP is agreed); a Plh stands in for the new rater in October and rates TW3; the new
// rater rates TW4 and the year, from both SKP periods. Needs a seeded organisation (seedMutasiOrganisation)
// and a running worker.
import type { Kysely } from 'kysely';
import type { ActRequest } from '../../domain/appraisal/commands.ts';
import type { Database } from '../../schema/database.ts';
import { actUpdate, recordMutasiUpdate } from '../../workflows/messages.ts';
import { journeyNips, seedUnderDinasHeads, waitFor } from './cycle-journey.ts';
import { type PlhYear, plh, quarterlyYear, refusalOf, selfReviewThenRating } from './quarterly-year.ts';

export const mutasiNips = {
  ...journeyNips,
  /** Kepala Puskesmas Kuala Tungkal: the rater until July. */
  firstRater: journeyNips.supervisor,
  /** Kepala Puskesmas Merlung: the rater from the mutasi. */
  newRater: '198602022011011004',
  /** Pelaksana harian for the new rater in October. */
  acting: plh.nip,
};
const nip = mutasiNips;

export function seedMutasiOrganisation(db: Kysely<Database>, orgId: string) {
  return seedUnderDinasHeads(
    db,
    orgId,
    ['PKM', 'PKM2', 'DINKES'],
    [
      {
        nip: nip.newRater,
        name: 'Kepala Puskesmas Merlung',
        unitCode: 'DINKES',
        supervisorNip: nip.superior,
      },
      { ...plh, supervisorNip: nip.newRater },
      { nip: nip.employee, name: 'Siti Aminah', unitCode: 'PKM', supervisorNip: nip.firstRater },
    ],
  );
}

export interface MutasiYear extends PlhYear {
  year: number;
  /** What the first rater's attempt to rate TW3 after the mutasi was refused with. */
  firstRaterRefused: string;
}

const rhk = (id: string, description: string) => [
  {
    id,
    kind: 'utama' as const,
    description,
    parentRhkId: null,
    indicators: [
      { id: `${id}-iki`, description: 'Waktu tunggu', aspect: 'waktu' as const, target: '30 menit' },
    ],
  },
];

/** Runs the year to the appraisal's completion and the cycle's close by HR. */
export const runMutasiYear = quarterlyYear(async (journey, { rig }): Promise<MutasiYear> => {
  const { year, calendar, cycle, appraisal, cycleId, appraisalId, skipTo } = journey;
  const windows = calendar.periods?.windows ?? [];
  const act = (actor: keyof typeof nip, command: ActRequest['command']) =>
    appraisal.executeUpdate(actUpdate, { args: [{ actor: { nip: nip[actor], roles: [] }, command }] });
  const openTask = (suffix: string) =>
    rig.db
      .selectFrom('tasks')
      .select('assignee_nip')
      .where('task_id', '=', `${appraisalId}${suffix}`)
      .where('status', '=', 'open')
      .executeTakeFirst();

  // January: the SKP with the first rater.
  await act('employee', { type: 'acknowledgeStandards' });
  await skipTo(calendar.agreement.start);
  await waitFor('the SKP proposal task', async () => (await openTask(':proposeIndicators:v1')) !== undefined);
  await act('firstRater', { type: 'proposeIndicators', rhk: rhk('rhk-1', 'Waktu tunggu pasien turun') });
  await act('employee', { type: 'signAgreement', version: 1 });
  await act('firstRater', { type: 'signAgreement', version: 1 });

  const realise = (period: string, indicatorId: string) =>
    act('employee', {
      type: 'recordRealisation',
      period,
      realisations: [{ indicatorId, value: '32 menit', evidence: [{ note: 'Rekap antrean' }] }],
    });
  const rate = (who: keyof typeof nip, period: string, results: 'sesuai' | 'diAtas' = 'sesuai') =>
    act(who, {
      type: 'ratePeriod',
      period,
      results,
      behaviour: 'sesuai',
      feedback: who === 'acting' ? 'Dinilai oleh Plh Kepala Puskesmas Merlung' : 'Sesuai ekspektasi',
    });
  let acting = { startsAt: '', endsAt: '' };
  let firstRaterRefused = 'not refused';
  for (const window of windows) {
    if (window.id === 'TW3') {
      // July: the mutasi. TW2 is rated; the SKP period closes and the new rater proposes the new SKP.
      await skipTo(`${year}-07-20T02:00:00.000Z`);
      await appraisal.executeUpdate(recordMutasiUpdate, {
        args: [
          {
            kind: 'mutasi',
            unitCode: 'PKM2',
            positionCode: 'STAF',
            raterNip: nip.newRater,
            superiorNip: nip.superior,
            skp: { form: 'jaJf', approach: 'kualitatif', ledUnitCode: null },
            reason: 'SK Bupati Tanjung Jabung Barat 821/2027: mutasi ke Puskesmas Merlung',
            effectiveDate: `${year}-07-20`,
            by: nip.hr,
          },
        ],
      });
      await act('newRater', { type: 'proposeIndicators', rhk: rhk('rhk-9', 'Cakupan imunisasi naik') });
      await act('employee', { type: 'signAgreement', version: 2 });
      await act('newRater', { type: 'signAgreement', version: 2 });
      acting = await journey.hr.appointPlhForOctober(nip.acting, 'Kepala Puskesmas Merlung cuti besar');
    }
    await skipTo(window.opens);
    const ratingTask = `:ratePeriod:${window.id}`;
    await waitFor(`the ${window.id} rating task`, async () => (await openTask(ratingTask)) !== undefined);
    const before = window.id === 'TW1' || window.id === 'TW2';
    await realise(window.id, before ? 'rhk-1-iki' : 'rhk-9-iki');
    if (before) await rate('firstRater', window.id, window.id === 'TW2' ? 'diAtas' : 'sesuai');
    else if (window.id === 'TW4') await rate('newRater', window.id);
    else {
      // October: the Plh holds the new rater's part and rates TW3; the former rater has no part left.
      await skipTo(acting.startsAt);
      await waitFor(
        'the task moved to the Plh',
        async () => (await openTask(ratingTask))?.assignee_nip === nip.acting,
      );
      firstRaterRefused = await refusalOf(rate('firstRater', 'TW3'));
      await rate('acting', 'TW3');
      await skipTo(acting.endsAt);
    }
    await act('employee', { type: 'acknowledgePeriod', period: window.id });
  }

  // The akhir rating by the new rater, made from both SKP periods; the release; the end.
  await selfReviewThenRating(journey);
  await act('newRater', {
    type: 'setRating',
    results: 'sesuai',
    behaviour: 'sesuai',
    feedback: 'Sesuai ekspektasi di kedua jabatan',
  });
  for (const unitCode of ['PKM', 'PKM2']) await journey.hr.setUnitPredikat('istimewa', unitCode);
  await journey.releaseAndClose();
  return { cycle, appraisal, cycleId, appraisalId, year, acting, firstRaterRefused };
});
