// One employee through a quarterly year with changes during the year, on the time-skipping server
// (test/support/changes-year.ts): HR corrects the wrong rater in January, and a Plh stands in as rater for
// October: the TW3 rating task the rater held moves to the Plh on 1 October (00:00 WIB), the Plh rates
// TW3 while the rater may not, the range ends on 1 November, and TW4 is the rater's again. A colleague
// leaves in April and comes back in August: her second appraisal in the cycle starts from the return and
// evaluates TW3 and TW4 only. The same year is recorded as replay fixtures. (The July mutasi is
// mutasi-journey.e2e.test.ts's.)
import { describe, expect, it } from 'vitest';
import { appraisalTimeline } from '../../audit/timeline.ts';
import { appraisalEventsOf, dataOf } from '../support/appraisal-events.ts';
import { changesNips as nip, runChangesYear, seedChangesOrganisation } from '../support/changes-year.ts';
import { useTimeSkippingRig } from '../support/time-skipping-rig.ts';

describe('a year with a corrected rater, an acting rater in October and a leaver who came back (time-skipping server)', () => {
  const live = useTimeSkippingRig('changes', (db) => seedChangesOrganisation(db, 'bungo'));

  it('hands the rater’s part to the Plh for the days of the range, and back; one who came back has a second appraisal', async () => {
    const { env, rig } = live;
    const year = await rig.worker.runUntil(runChangesYear(env, rig, 'bungo'));
    expect(year.holders).toEqual({
      tw3Opened: nip.supervisor,
      october: nip.acting,
      tw4Opened: nip.supervisor,
    });
    expect(year.raterRefusedInOctober).toBe('forbidden_actor');
    const events = await appraisalEventsOf(rig.db, year.appraisalId);
    const of = (type: string) => dataOf(events, type);
    expect(of('participants.changed')).toEqual([
      expect.objectContaining({ previousSupervisorNip: nip.wrongRater, supervisorNip: nip.supervisor }),
    ]);
    expect(of('actingRater.appointed')).toEqual([
      expect.objectContaining({ actingNip: nip.acting, raterNip: nip.supervisor, ...year.acting }),
    ]);
    // Each boundary is followed when the range says, not when the next step happens to run.
    const within = (at: unknown, boundary: string) =>
      Date.parse(String(at)) - Date.parse(boundary) >= 0 &&
      Date.parse(String(at)) - Date.parse(boundary) < 1_000;
    expect(of('actingRater.started').map((d) => within(d.at, year.acting.startsAt))).toEqual([true]);
    expect(of('actingRater.ended').map((d) => within(d.at, year.acting.endsAt))).toEqual([true]);
    const moved = of('task.reassigned').map((d) => [
      String(d.taskId).split(':').slice(1).join(':'),
      d.fromNip,
      d.assigneeNip,
    ]);
    expect(moved).toEqual([
      ['proposeIndicators:v1', nip.wrongRater, nip.supervisor],
      ['ratePeriod:TW3', nip.supervisor, nip.acting],
    ]);
    expect(of('period.rated').map((d) => [d.period, d.as, d.by])).toEqual([
      ['TW1', 'rater', nip.supervisor],
      ['TW2', 'rater', nip.supervisor],
      ['TW3', 'rater', nip.acting],
      ['TW4', 'rater', nip.supervisor],
    ]);
    expect(events.at(-1)?.type).toBe('appraisal.completed');
    // The colleague: the appraisal cancelled in April is as it was; the one from August is hers now.
    const streamOf = (appraisal: string) => appraisalEventsOf(rig.db, appraisal);
    const first = await streamOf(year.leaver.first);
    expect(first.at(-1)?.type).toBe('appraisal.cancelled');
    const second = await streamOf(year.leaver.second);
    expect(second[0]).toMatchObject({
      type: 'appraisal.started',
      data: {
        rejoined: { previousAppraisalId: year.leaver.first, reason: 'Kembali dari cuti' },
        calendar: { socialisation: { start: expect.stringMatching(/^\d{4}-08-03T02:0/) } },
      },
    });
    const opened = (stream: typeof second) =>
      stream.filter((e) => e.type === 'period.opened').map((e) => (e.data as { period: string }).period);
    expect(opened(first)).toEqual(['TW1']);
    expect(opened(second)).toEqual(['TW3', 'TW4']);
    expect(second.map((e) => e.type)).toContain('rating.released');
    expect(second.map((e) => e.type)).not.toContain('agreement.missed');
    // The timeline names the Plh and the range in the organisation's zone.
    const timeline = (await appraisalTimeline(rig.db, year.appraisalId, 'en')).map((e) => e.sentence);
    expect(timeline).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          new RegExp(
            `appointed ${nip.acting} acting rater \\(Plt/Plh\\) from \\d{4}-10-01 to \\d{4}-10-31 \\(WIB\\)`,
          ),
        ),
        `${nip.acting} began standing in as the rater for ${nip.supervisor}`,
        `${nip.acting}'s time as acting rater ended; the rater's part is ${nip.supervisor}'s again`,
        expect.stringMatching(/^The acting rater rated TW3/),
      ]),
    );
  }, 300_000);
});
