// Penetapan on the time-skipping test server: a unit whose curve breaks its pattern is not held in
// silence. Its penetapan opens for the unit's leader, who signs it as not conforming with a written
// justification for each finding, and the signature releases the unit; another unit's penetapan, left
// unsigned, passes to the leader's superior at its deadline, then to HR, who signs it. The auditor's
// timeline tells each step, with the pack in force.
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signPenetapan } from '../../api/commands/penetapan.ts';
import { translator } from '../../api/web/i18n/index.ts';
import { cycleEventLine } from '../../api/web/views/cycle-events.ts';
import { factsOf } from '../../documents/model.ts';
import { penetapanDocument } from '../../documents/penetapan.ts';
import { penetapanInputAsOf } from '../../documents/penetapan-issue.ts';
import { signPenetapanUpdate } from '../../workflows/messages.ts';
import { commandServices, employeeOf } from '../support/commands.ts';
import { type CycleJourney, journeyNips as nip, waitFor } from '../support/cycle-journey.ts';
import {
  breakThePattern as breakThePatternOf,
  cycleEventOf,
  cycleEventsOf,
  seedPenetapanOrganisation,
} from '../support/penetapan-year.ts';
import { createSiklusRig, type SiklusTestRig } from '../support/siklus-worker.ts';
import { startTimeSkippingEnv } from '../support/temporal.ts';

describe('the penetapan of a unit that breaks its pattern (time-skipping server)', () => {
  let env: TestWorkflowEnvironment;
  let rig: SiklusTestRig;
  let workerRun: Promise<void>;

  beforeAll(async () => {
    env = await startTimeSkippingEnv();
    rig = await createSiklusRig(env, 'penetapan');
    workerRun = rig.worker.run();
    for (const org of ['signed', 'late']) await seedPenetapanOrganisation(rig.db, org);
  }, 120_000);

  afterAll(async () => {
    rig?.worker.shutdown();
    await workerRun;
    await rig?.close();
    await env?.teardown();
  });

  const cycleEvents = (journey: CycleJourney) => cycleEventsOf(rig.db, journey);
  const eventOf = (journey: CycleJourney, type: string) => cycleEventOf(rig.db, journey, type);
  const breakThePattern = (orgId: string) => breakThePatternOf(env, rig, orgId);

  it('opens the penetapan for the leader, who signs it with a justification per finding; the unit is released', async () => {
    const journey = await (async () => {
      const j = await breakThePattern('signed');
      const opened = await eventOf(j, 'cycle.penetapanOpened');
      expect(opened).toMatchObject({
        unitCode: 'PKM',
        stage: 'leader',
        assigneeNip: nip.supervisor,
        pack: 'asn-2023',
      });
      const findings = ((opened?.findings ?? []) as Array<{ rule: string }>).map((f) => f.rule);
      // One Sangat Kurang in a unit rated Baik: nobody Butuh Perbaikan or Kurang, and Baik is not the largest group.
      expect(findings).toEqual(['baik.atLeastOneButuhPerbaikanOrKurang', 'unit.sebagianBesar']);
      // Held, not released; through the command the API and the page share, nobody but the leader signs,
      // and a missing justification is refused, each with the rule's code.
      expect((await j.row())?.step).toBe('rating');
      const services = commandServices(env, rig);
      const as = employeeOf('signed');
      const sign = (by: string, justifications: Array<{ rule: string; text: string }>, key: string) =>
        signPenetapan(services, as(by), j.cycleId, 'PKM', { conforming: false, justifications }, key);
      await expect(sign(nip.superior, [], 'k1')).rejects.toMatchObject({
        status: 403,
        code: 'forbidden_actor',
      });
      await expect(
        sign(nip.supervisor, [{ rule: findings[0] ?? '', text: 'Satu pegawai saja' }], 'k2'),
      ).rejects.toMatchObject({ status: 422, code: 'justification_required' });
      expect((await cycleEvents(j)).some((e) => e.type === 'cycle.penetapanSigned')).toBe(false);
      await sign(
        nip.supervisor,
        findings.map((rule) => ({ rule, text: 'Unit satu orang; kinerjanya memang sangat kurang' })),
        'k3',
      );
      await j.waitForStep('feedback');
      return j;
    })();
    // The unit's people may reach feedback before the cycle has stored its release (it signals them first).
    await expect
      .poll(async () => (await cycleEvents(journey)).some((e) => e.type === 'cycle.unitReleased'), {
        timeout: 30_000,
      })
      .toBe(true);
    const events = await cycleEvents(journey);
    const signed = events.find((e) => e.type === 'cycle.penetapanSigned')?.data;
    expect(signed).toMatchObject({ by: nip.supervisor, as: 'leader', conforming: false, pack: 'asn-2023' });
    const types = events.map((e) => e.type);
    expect(types.indexOf('cycle.penetapanSigned')).toBeLessThan(types.indexOf('cycle.unitReleased'));
    // The auditor reads the deviation and its justification, in each language.
    const say = (lang: 'id' | 'en') => {
      const t = translator(lang);
      const line = cycleEventLine(t, 'cycle.penetapanSigned', signed);
      return t(line.key, line.vars);
    };
    expect(say('en')).toContain(
      'signed the penetapan of unit PKM: not conforming to the distribution pattern, justified: ',
    );
    expect(say('en')).toContain('Unit satu orang; kinerjanya memang sangat kurang (pack asn-2023)');
    expect(say('id')).toContain(
      'menandatangani penetapan unit PKM: tidak sesuai pola distribusi, dengan alasan: ',
    );
    // The year's Format Penetapan, as the log stands now, carries the signature and its justification.
    const last = await rig.db
      .selectFrom('events')
      .select((eb) => eb.fn.max('global_position').as('at'))
      .executeTakeFirstOrThrow();
    const input = await penetapanInputAsOf(
      rig.db,
      'signed',
      journey.cycleId,
      'PKM',
      'akhir',
      Number(last.at),
      'id',
    );
    expect(input?.holding?.signed).toMatchObject({ by: nip.supervisor, as: 'leader', conforming: false });
    const document = penetapanDocument(input as NonNullable<typeof input>);
    const facts = factsOf(document);
    expect(facts.find((f) => f.key === 'justification')?.value).toContain(
      'Unit satu orang; kinerjanya memang sangat kurang',
    );
    expect(facts.find((f) => f.key === 'signed')?.value).toContain(`NIP ${nip.supervisor}`);
  }, 240_000);

  it('passes an unsigned penetapan to the superior at its deadline, then to HR, who signs it; nobody waits forever', async () => {
    const journey = await (async () => {
      const j = await breakThePattern('late');
      const opened = await eventOf(j, 'cycle.penetapanOpened');
      await j.skipTo(String(opened?.deadline), 5 * 60_000);
      await waitFor(
        'passed to the superior',
        async () => (await eventOf(j, 'cycle.penetapanEscalated')) !== undefined,
      );
      const toSuperior = await eventOf(j, 'cycle.penetapanEscalated');
      expect(toSuperior).toMatchObject({ from: 'leader', to: 'superior', assigneeNip: nip.superior });
      // The leader's turn is over.
      await expect(
        j.cycle.executeUpdate(signPenetapanUpdate, {
          args: [{ unitCode: 'PKM', by: nip.supervisor, hr: false, conforming: false, justifications: [] }],
        }),
      ).rejects.toThrow();
      await j.skipTo(String(toSuperior?.deadline), 5 * 60_000);
      await waitFor(
        'passed to HR',
        async () => (await cycleEvents(j)).filter((e) => e.type === 'cycle.penetapanEscalated').length === 2,
      );
      const findings = ((opened?.findings ?? []) as Array<{ rule: string }>).map((f) => f.rule);
      await j.cycle.executeUpdate(signPenetapanUpdate, {
        args: [
          {
            unitCode: 'PKM',
            by: nip.hr,
            hr: true,
            conforming: false,
            justifications: findings.map((rule) => ({
              rule,
              text: 'Ditetapkan SDM setelah tenggat atasan lewat',
            })),
          },
        ],
      });
      await j.waitForStep('feedback');
      return j;
    })();
    const events = await cycleEvents(journey);
    expect(events.filter((e) => e.type === 'cycle.penetapanEscalated').map((e) => e.data)).toEqual([
      expect.objectContaining({ from: 'leader', to: 'superior' }),
      expect.objectContaining({ from: 'superior', to: 'hr', assigneeNip: null }),
    ]);
    expect(events.find((e) => e.type === 'cycle.penetapanSigned')?.data).toMatchObject({
      by: nip.hr,
      as: 'hr',
    });
    const t = translator('en');
    const escalated = events.find((e) => e.type === 'cycle.penetapanEscalated')?.data;
    const line = cycleEventLine(t, 'cycle.penetapanEscalated', escalated);
    expect(t(line.key, line.vars)).toMatch(
      /^The penetapan of unit PKM was not signed by its deadline and passed to 197703032000031003, due /,
    );
  }, 240_000);
});
