// Each period's penetapan on the time-skipping server (test/support/period-penetapan-year.ts): once TW1's
// ratings are in, its penetapan opens for the unit's leader, who signs it; TW2's, left unsigned, passes to
// the leader's superior at its deadline, by the calendar. Through the command the API and the page share,
// the superior is refused what the rules refuse (nobody else may sign, each finding needs its justification)
// and signs TW2's on the page; the page and the inbox put the period's case in front of whoever holds it.
import { describe, expect, it } from 'vitest';
import { signPenetapan } from '../../api/commands/penetapan.ts';
import { translator } from '../../api/web/i18n/index.ts';
import { taskList } from '../../api/web/views/inbox.ts';
import { penetapanBody } from '../../api/web/views/penetapan.ts';
import { signDevToken } from '../../auth/dev-keys.ts';
import { downloadPenetapan } from '../../documents/download.ts';
import { factsOf } from '../../documents/model.ts';
import { periodPenetapanDeadlines } from '../../domain/cycle/period-penetapan-deadlines.ts';
import { periodPenetapanCase, periodPenetapanOf } from '../../record/read/period-penetapan.ts';
import { commandServices, employeeOf } from '../support/commands.ts';
import { journeyNips as nip } from '../support/cycle-journey.ts';
import { seedPenetapanOrganisation } from '../support/penetapan-year.ts';
import { periodPenetapanEvents, runPeriodPenetapanYear } from '../support/period-penetapan-year.ts';
import { useTimeSkippingRig } from '../support/time-skipping-rig.ts';
import { startDevWebApp } from '../support/web-app.ts';

const org = 'kerinci';

describe("each period's penetapan (time-skipping server)", () => {
  const live = useTimeSkippingRig('periodpen', (db) => seedPenetapanOrganisation(db, org));

  it("opens TW1's for the leader, who signs it; TW2's passes to the superior at its deadline, who signs it", async () => {
    const { env, rig } = live;
    await rig.worker.runUntil(async () => {
      const journey = await runPeriodPenetapanYear(env, rig, org, { close: false });
      const events = (type: string) => periodPenetapanEvents(rig.db, journey, type);
      const windows = journey.calendar.periods?.windows ?? [];
      const zone = journey.calendar.periods?.timeZone ?? '';
      const opened = await events('cycle.periodPenetapanOpened');
      expect(opened.map((e) => [e.period, e.stage, e.assigneeNip, e.capaian])).toEqual([
        ['TW1', 'leader', nip.supervisor, 'baik'],
        ['TW2', 'leader', nip.supervisor, 'baik'],
      ]);
      // Each stage's deadline from the calendar: 7, 14, 21 local days after the period's last rating deadline.
      for (const [i, e] of opened.entries())
        expect(e.deadlines).toEqual(periodPenetapanDeadlines(windows[i]?.hrDeadline ?? '', zone));
      const tw1 = opened[0];
      const tw2 = opened[1];
      if (!tw1 || !tw2) throw new Error('both periods opened');
      // One Baik in a unit whose capaian is Baik: all of them Baik, nobody Butuh Perbaikan or Kurang.
      expect(tw1.findings.map((f) => f.rule)).toEqual([
        'baik.max70PercentBaik',
        'baik.atLeastOneButuhPerbaikanOrKurang',
      ]);
      expect(await events('cycle.periodPenetapanSigned')).toEqual([
        expect.objectContaining({ period: 'TW1', by: nip.supervisor, as: 'leader', conforming: false }),
      ]);
      expect(await events('cycle.periodPenetapanEscalated')).toEqual([
        expect.objectContaining({
          period: 'TW2',
          from: 'leader',
          to: 'superior',
          assigneeNip: nip.superior,
          deadline: (tw2.deadlines as { superior: string }).superior,
        }),
      ]);

      // The superior holds TW2's now; the leader holds nothing.
      const held = (who: string) => periodPenetapanOf(rig.db, org, { nip: who, hr: false });
      expect((await held(nip.superior)).map((p) => [p.unitCode, p.period, p.stage])).toEqual([
        ['PKM', 'TW2', 'superior'],
      ]);
      expect(await held(nip.supervisor)).toEqual([]);

      // The case in front of the superior, and the inbox entry, each naming the period.
      const t = translator('en');
      const found = await periodPenetapanCase(rig.db, org, journey.cycleId, 'PKM', 'TW2');
      if (!found) throw new Error('the TW2 case reads');
      expect(found.people).toEqual([{ nip: nip.employee, name: 'Siti Aminah', predikat: 'baik' }]);
      const page = String(
        penetapanBody(t, {
          mine: await held(nip.superior),
          openPeriod: { case: found, holds: true, names: new Map() },
        }),
      );
      expect(page).toContain('Puskesmas (PKM): penetapan of TW2');
      expect(page).toContain('name="period" value="TW2"');
      expect(page).toContain('Siti Aminah');
      expect(page).toContain('documents/penetapan?period=TW2');
      const inbox = String(
        taskList(t, {
          tasks: [],
          penetapan: await held(nip.superior),
          names: new Map(),
          me: nip.superior,
          now: new Date(),
        }),
      );
      expect(inbox).toContain('Sign the TW2 penetapan of Puskesmas (PKM)');
      expect(inbox).toContain('period=TW2');

      // Through the command the API and the page share.
      const services = commandServices(env, rig);
      const as = employeeOf(org);
      const justified = tw2.findings.map((f) => ({ rule: f.rule, text: 'Unit satu orang' }));
      const sign = (by: string, period: string, justifications: typeof justified, key: string) =>
        signPenetapan(
          services,
          as(by),
          journey.cycleId,
          'PKM',
          { conforming: false, justifications, period },
          key,
        );
      await expect(sign(nip.supervisor, 'TW2', justified, 'p1')).rejects.toMatchObject({
        status: 403,
        code: 'forbidden_actor',
      });
      await expect(sign(nip.superior, 'TW2', [], 'p2')).rejects.toMatchObject({
        status: 422,
        code: 'justification_required',
      });
      await expect(sign(nip.superior, 'TW9', justified, 'p3')).rejects.toMatchObject({
        status: 422,
        code: 'invalid_period',
        extra: { field: 'period' },
      });
      await expect(sign(nip.superior, 'TW3', justified, 'p4')).rejects.toMatchObject({
        status: 422,
        code: 'penetapan_not_open',
        extra: { field: 'period' },
      });
      expect(await events('cycle.periodPenetapanSigned')).toHaveLength(1);
      // The period's Format Penetapan (PDF) says whether it is signed, and by whom as what.
      const signedLine = async (period: string) => {
        const ask = { org, cycleId: journey.cycleId, unitCode: 'PKM', period, lang: 'en' as const };
        const answer = await downloadPenetapan(rig.db, as(nip.superior), {
          ...ask,
          publicUrl: 'http://localhost',
        });
        if (!('document' in answer)) throw new Error(`no ${period} document: ${answer.refused}`);
        return factsOf(answer.document.model).find((f) => f.key === 'signed')?.value;
      };
      expect(await signedLine('TW1')).toBe(`Kepala Puskesmas (NIP ${nip.supervisor}), The unit's leader`);
      expect(await signedLine('TW2')).toBe('Not signed yet');
      // The superior signs on the page: the period's case form, one justification per finding.
      const web = await startDevWebApp({ db: rig.db, taskQueue: rig.taskQueue, env });
      try {
        const cookie = `siklus_session=${await signDevToken(web.devKey, { org, nip: nip.superior, roles: ['employee'] })}; lang=en`;
        const form = new URLSearchParams({
          cycle: journey.cycleId,
          unit: 'PKM',
          period: 'TW2',
          conforming: 'no',
          _key: 'p5',
        });
        for (const j of justified) {
          form.append('rule', j.rule);
          form.append('justification', j.text);
        }
        const posted = await fetch(`${web.base}/app/penetapan`, {
          method: 'POST',
          redirect: 'manual',
          headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
          body: form.toString(),
        });
        expect(posted.status).toBe(303);
        expect(posted.headers.get('location')).toBe(
          `/app/penetapan?cycle=${journey.cycleId}&unit=PKM&period=TW2&signed=PKM&signedPeriod=TW2#case`,
        );
      } finally {
        await web.close();
      }
      expect(await signedLine('TW2')).toBe(`Kepala Dinas (NIP ${nip.superior}), The leader's superior`);
      expect((await events('cycle.periodPenetapanSigned')).at(-1)).toMatchObject({
        period: 'TW2',
        by: nip.superior,
        as: 'superior',
        justifications: justified,
      });
      const signed = await periodPenetapanCase(rig.db, org, journey.cycleId, 'PKM', 'TW2');
      expect(signed?.penetapan.signed).toMatchObject({ by: nip.superior, as: 'superior', conforming: false });
      expect(await held(nip.superior)).toEqual([]);
      await journey.hr.closeCycle();
      await journey.cycle.result();
      await journey.appraisal.terminate('the journey ends with its cycle');
    });
  }, 600_000);
});
