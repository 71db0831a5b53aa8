// The calibration assistant's proposal decided on the penetapan page (time-skipping server, the real
// page over HTTP): a unit whose capaian is Butuh Perbaikan has its one person rated Sangat Kurang, so its
// curve has findings and its penetapan opens for the unit's leader. Applied from the page, the change is
// a rating of that person's appraisal (rating.set, by the leader, with the reason) and the unit, checked
// again, conforms and is released; rejected, nothing is recorded but the decision and the unit waits.
// Applied with one change its appraisal would refuse (the leader no longer rates that person), none is
// applied: all or nothing, and the page says which and why.
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signDevToken } from '../../auth/dev-keys.ts';
import { appraisalIdFor, appraisalStreamId, appraisalWorkflowId, cycleStreamId } from '../../domain/ids.ts';
import { upsertUnits } from '../../organisation/units-and-positions.ts';
import { actUpdate, changeRaterUpdate, setUnitPredikatUpdate } from '../../workflows/messages.ts';
import {
  type CycleJourney,
  journeyNips as nip,
  seedPuskesmas,
  seedUnderDinasHeads,
  startNextYearJourney,
  waitFor,
} from '../support/cycle-journey.ts';
import { type RunningRig, startRunningRig } from '../support/siklus-worker.ts';
import { startTimeSkippingEnv } from '../support/temporal.ts';
import { type ServedApp, startDevWebApp } from '../support/web-app.ts';

const ani = '199303032017042007';

describe("the calibration assistant's proposal, decided on the penetapan page (time-skipping server)", () => {
  let env: TestWorkflowEnvironment;
  let rig: RunningRig;
  let web: ServedApp & { devKey: Parameters<typeof signDevToken>[0] };

  beforeAll(async () => {
    env = await startTimeSkippingEnv();
    rig = await startRunningRig(env, 'calibration');
    web = await startDevWebApp(rig);
    for (const org of ['applied', 'rejected']) {
      await seedPuskesmas(rig.db, org, { peer: false });
      await upsertUnits(rig.db, org, [
        { code: 'DINKES', name: 'Dinas Kesehatan', parentCode: null, headNip: nip.superior },
        { code: 'PKM', name: 'Puskesmas', parentCode: 'DINKES', headNip: nip.supervisor },
      ]);
    }
    // A second person of PKM, rated by its leader too.
    await seedUnderDinasHeads(
      rig.db,
      'refused',
      ['PKM', 'DINKES'],
      [
        { nip: nip.employee, name: 'Siti Aminah', unitCode: 'PKM', supervisorNip: nip.supervisor },
        { nip: ani, name: 'Ani Lestari', unitCode: 'PKM', supervisorNip: nip.supervisor },
      ],
    );
    await upsertUnits(rig.db, 'refused', [
      { code: 'DINKES', name: 'Dinas Kesehatan', parentCode: null, headNip: nip.superior },
      { code: 'PKM', name: 'Puskesmas', parentCode: 'DINKES', headNip: nip.supervisor },
    ]);
  }, 120_000);

  afterAll(async () => {
    await web?.close();
    await rig?.stop();
  });

  const eventsOf = (streamId: string) =>
    rig.db
      .selectFrom('events')
      .select(['type', 'data', 'metadata'])
      .where('stream_id', '=', streamId)
      .orderBy('stream_version')
      .execute();

  /** To the rating deadline with the people of a unit rated Butuh Perbaikan rated Sangat Kurang. */
  async function openPenetapan(orgId: string, others: string[] = []): Promise<CycleJourney> {
    const journey = await startNextYearJourney(env, rig, orgId);
    await journey.rate({ results: 'diBawah', behaviour: 'diBawah', feedback: 'Target tidak tercapai' });
    for (const other of others)
      await appraisalOf(journey, other).executeUpdate(actUpdate, {
        args: [
          {
            actor: { nip: nip.supervisor, roles: [] },
            command: { type: 'setRating', results: 'diBawah', behaviour: 'diBawah', feedback: 'Belum' },
          },
        ],
      });
    await journey.cycle.executeUpdate(setUnitPredikatUpdate, {
      args: [{ unitCode: 'PKM', predikat: 'butuhPerbaikan', by: nip.superior, as: 'leader' }],
    });
    await journey.skipTo(journey.calendar.rating.deadline, 5 * 60_000);
    await waitFor('the penetapan opened', async () =>
      (await eventsOf(cycleStreamId(journey.cycleId))).some((e) => e.type === 'cycle.penetapanOpened'),
    );
    return journey;
  }

  const appraisalOf = (journey: CycleJourney, who: string) =>
    env.client.workflow.getHandle(appraisalWorkflowId(appraisalIdFor(journey.cycleId, who)));

  const cookieOf = async (orgId: string, who: string) =>
    `siklus_session=${await signDevToken(web.devKey, { org: orgId, nip: who, roles: ['employee'] })}; lang=en`;
  const page = async (orgId: string, journey: CycleJourney) =>
    (
      await fetch(`${web.base}/app/penetapan?cycle=${journey.cycleId}&unit=PKM`, {
        headers: { cookie: await cookieOf(orgId, nip.supervisor) },
      })
    ).text();
  const post = async (orgId: string, who: string, fields: Record<string, string> | Array<[string, string]>) =>
    fetch(`${web.base}/app/penetapan/calibration`, {
      method: 'POST',
      redirect: 'manual',
      headers: {
        cookie: await cookieOf(orgId, who),
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: new URLSearchParams(fields).toString(),
    });

  it('shows the proposal with its evidence and flag; applied by the leader, it is a rating event with who and why, and the unit conforms and is released', async () => {
    const journey = await openPenetapan('applied');
    const shown = await page('applied', journey);
    expect(shown).toContain('Siti Aminah: Sangat Kurang →');
    expect(shown).toContain(`name="to-${nip.employee}"`);
    expect(shown).toContain('⚠ the periodic predikat do not support it');
    expect(shown).toContain('realisations reported in 0 of 4 periods');
    expect(shown).toContain('no 360 aggregate (fewer than 2 reviews)');
    expect(shown).toContain('rater&#39;s feedback: “Target tidak tercapai”');
    const fields = {
      cycle: journey.cycleId,
      unit: 'PKM',
      _key: 'apply-1',
      apply: nip.employee,
      [`to-${nip.employee}`]: 'butuhPerbaikan',
      reason: 'Realisasi triwulan IV membaik',
      decision: 'apply',
    };
    // Someone who does not hold the penetapan is refused and nothing is written.
    const before = (await eventsOf(appraisalStreamId(journey.appraisalId))).length;
    const stranger = await post('applied', nip.employee, { ...fields, _key: 'apply-0' });
    expect(stranger.headers.get('location')).toContain('failed=forbidden_actor');
    expect((await eventsOf(appraisalStreamId(journey.appraisalId))).length).toBe(before);
    const applied = await post('applied', nip.supervisor, fields);
    expect(applied.headers.get('location')).toBe(
      `/app/penetapan?cycle=${journey.cycleId}&unit=PKM&calibration=applied#case`,
    );
    await journey.waitForStep('feedback');
    const ratings = (await eventsOf(appraisalStreamId(journey.appraisalId))).filter(
      (e) => e.type === 'rating.set',
    );
    expect(ratings.map((e) => e.data)).toEqual([
      expect.objectContaining({ predikat: 'sangatKurang' }),
      expect.objectContaining({
        results: 'diBawah',
        behaviour: 'sesuai',
        predikat: 'butuhPerbaikan',
        by: nip.supervisor,
        feedback: 'Target tidak tercapai',
        calibration: { unitCode: 'PKM', reason: 'Realisasi triwulan IV membaik' },
      }),
    ]);
    // The release signals the unit's appraisals before it records itself: an appraisal in feedback can be
    // seen a moment before the cycle's unitReleased.
    await waitFor('the unit released', async () =>
      (await eventsOf(cycleStreamId(journey.cycleId))).some((e) => e.type === 'cycle.unitReleased'),
    );
    const cycle = await eventsOf(cycleStreamId(journey.cycleId));
    expect(cycle.find((e) => e.type === 'cycle.calibrationDecided')?.data).toMatchObject({
      by: nip.supervisor,
      as: 'leader',
      decision: 'applied',
      applied: [{ nip: nip.employee, from: 'sangatKurang', to: 'butuhPerbaikan' }],
      reason: 'Realisasi triwulan IV membaik',
    });
    const last = cycle.filter((e) => e.type === 'cycle.unitCalibrated').at(-1)?.data;
    expect(last).toMatchObject({ curve: { conforms: true, counts: { butuhPerbaikan: 1 } } });
    expect(cycle.map((e) => e.type)).toContain('cycle.unitReleased');
    expect(cycle.map((e) => e.type)).not.toContain('cycle.penetapanSigned');
  }, 240_000);

  it('rejected by the leader, records the decision and nothing else; the unit still waits for its penetapan', async () => {
    const journey = await openPenetapan('rejected');
    const appraisalBefore = (await eventsOf(appraisalStreamId(journey.appraisalId))).length;
    const cycleBefore = (await eventsOf(cycleStreamId(journey.cycleId))).map((e) => e.type);
    const noReason = await post('rejected', nip.supervisor, {
      cycle: journey.cycleId,
      unit: 'PKM',
      _key: 'reject-0',
      reason: ' ',
      decision: 'reject',
    });
    expect(noReason.headers.get('location')).toContain('failed=reason_required');
    const rejected = await post('rejected', nip.supervisor, {
      cycle: journey.cycleId,
      unit: 'PKM',
      _key: 'reject-1',
      apply: nip.employee,
      [`to-${nip.employee}`]: 'butuhPerbaikan',
      reason: 'Penilaian sudah sesuai bukti; akan ditandatangani dengan alasan',
      decision: 'reject',
    });
    expect(rejected.headers.get('location')).toContain('calibration=rejected');
    const cycleAfter = await eventsOf(cycleStreamId(journey.cycleId));
    expect(cycleAfter.map((e) => e.type)).toEqual([...cycleBefore, 'cycle.calibrationDecided']);
    expect(cycleAfter.at(-1)?.data).toMatchObject({ decision: 'rejected', applied: [], by: nip.supervisor });
    expect((await eventsOf(appraisalStreamId(journey.appraisalId))).length).toBe(appraisalBefore);
    expect((await journey.row())?.step).toBe('rating');
    expect(await page('rejected', journey)).toContain('Sign the penetapan');
  }, 240_000);

  it('with one change its appraisal would refuse, applies none and says which and why', async () => {
    const journey = await openPenetapan('refused', [ani]);
    // HR gives Ani another rater: the leader may no longer rate her.
    await appraisalOf(journey, ani).executeUpdate(changeRaterUpdate, {
      args: [
        {
          raterNip: nip.superior,
          superiorNip: null,
          reason: 'Koreksi pejabat penilai',
          effectiveDate: journey.calendar.rating.start.slice(0, 10),
          by: nip.hr,
        },
      ],
    });
    const streams = [
      appraisalStreamId(journey.appraisalId),
      appraisalStreamId(appraisalIdFor(journey.cycleId, ani)),
    ];
    const before = await Promise.all(
      [...streams, cycleStreamId(journey.cycleId)].map(async (s) => (await eventsOf(s)).length),
    );
    // Both ticked (the form posts `apply` once per person), Siti first: alone, hers would pass.
    const refused = await post('refused', nip.supervisor, [
      ['cycle', journey.cycleId],
      ['unit', 'PKM'],
      ['_key', 'apply-both'],
      ['apply', nip.employee],
      ['apply', ani],
      [`to-${nip.employee}`, 'butuhPerbaikan'],
      [`to-${ani}`, 'butuhPerbaikan'],
      ['reason', 'Realisasi triwulan IV membaik'],
      ['decision', 'apply'],
    ]);
    expect(refused.status).toBe(303);
    const location = refused.headers.get('location') ?? '';
    expect(location).toContain('failed=calibration_refused');
    expect(decodeURIComponent(location)).toContain(`who=${ani}:forbidden_actor`);
    const after = await Promise.all(
      [...streams, cycleStreamId(journey.cycleId)].map(async (s) => (await eventsOf(s)).length),
    );
    // Siti's change, which alone would pass, is not applied either; no decision is recorded.
    expect(after).toEqual(before);
    const shown = await (
      await fetch(`${web.base}${location}`, {
        headers: { cookie: await cookieOf('refused', nip.supervisor) },
      })
    ).text();
    expect(shown).toContain(
      'Nothing was applied: a change would be refused. Ani Lestari: You may not do this.',
    );
  }, 240_000);
});
