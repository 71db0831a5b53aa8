// One employee through all six steps with the real calendar on the time-skipping test server
// (test/support/employee-year.ts): a deadline extension, a reminder, an escalation, a missing peer
// review, calibration holding a unit, an objection heard (the rater explains, the employee's explanation is
// missed at its deadline) and decided with a changed predikat, which the cycle answers by checking the
// unit's curve again, and a training referral tracked to completion. The same scenario is recorded as replay fixtures (with and without the hearing).
import { describe, expect, it } from 'vitest';
import { translator } from '../../api/web/i18n/index.ts';
import { cycleEventLine } from '../../api/web/views/cycle-events.ts';
import { cycleStreamId } from '../../domain/ids.ts';
import { predikatCounts } from '../../record/projections/unit-counts.ts';
import { appraisalEventsOf } from '../support/appraisal-events.ts';
import { journeyNips as nip, seedPuskesmas } from '../support/cycle-journey.ts';
import { runEmployeeYear } from '../support/employee-year.ts';
import { useTimeSkippingRig } from '../support/time-skipping-rig.ts';

describe('an employee through the whole cycle (time-skipping server)', () => {
  const live = useTimeSkippingRig('journey', (db) => seedPuskesmas(db, 'bungo', { peer: true }));

  it('records every step, and the projections agree with the events', async () => {
    const { env, rig } = live;
    const journey = await rig.worker.runUntil(
      runEmployeeYear(env, rig, 'bungo', {
        afterAgreement: ({ act, calendar }) =>
          act('employee', {
            type: 'addActivityReport',
            reportId: 'lkh-1',
            date: calendar.agreement.deadline.slice(0, 10),
            description: 'Membuat rekap antrean harian',
          }),
        // Sangat Kurang first; unit Baik needs at least one BP or Kurang, so calibration holds it.
        whileHeld: async ({ unit }) =>
          expect((await unit())?.violations).toEqual([
            expect.objectContaining({ rule: 'baik.atLeastOneButuhPerbaikanOrKurang' }),
          ]),
        hearing: true,
      }),
    );
    expect((await journey.appraisal.result()).step).toBe('completed');
    const { appraisalId, cycleId } = journey;

    const events = await appraisalEventsOf(rig.db, appraisalId);
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
    // The hearing: asked of both, answered by the rater, missed by the employee, then the decision.
    const hearing = types.filter((t) => t.startsWith('objection.'));
    expect(hearing).toEqual([
      'objection.filed',
      'objection.explanationRequested',
      'objection.explanationRequested',
      'objection.explained',
      'objection.explanationMissed',
      'objection.decided',
    ]);
    expect(events.find((e) => e.type === 'objection.explained')?.data).toMatchObject({ from: 'rater' });
    expect(events.find((e) => e.type === 'objection.explanationMissed')?.data).toMatchObject({
      from: 'employee',
    });
    expect(events.find((e) => e.type === 'objection.decided')?.data).toMatchObject({
      previousPredikat: 'kurang',
      predikat: 'butuhPerbaikan',
      reason: 'Perilaku sesuai ekspektasi',
      pack: { id: 'asn-2023', effectiveFrom: '2023-01-01' },
    });
    // The decision changed the predikat, so the cycle checked the unit's curve again on the counts after
    // it and recorded the outcome with the pack: one Butuh Perbaikan in a unit rated Baik, where Baik is
    // not the largest group.
    const cycleEvents = await rig.db
      .selectFrom('events')
      .select(['type', 'data'])
      .where('stream_id', '=', cycleStreamId(cycleId))
      .orderBy('stream_version')
      .execute();
    const cycleTypes = cycleEvents.map((e) => e.type);
    const rechecked = cycleEvents.find((e) => e.type === 'cycle.curveRechecked')?.data;
    expect(rechecked).toMatchObject({
      unitCode: 'PKM',
      appraisalId,
      nip: nip.employee,
      from: 'kurang',
      to: 'butuhPerbaikan',
      by: nip.superior,
      pack: 'asn-2023',
      curve: { counts: { butuhPerbaikan: 1 }, conforms: false },
    });
    const recheckedCurve = (rechecked as { curve: { findings: Array<{ rule: string }> } }).curve;
    expect(recheckedCurve.findings.map((f) => f.rule)).toEqual(['unit.sebagianBesar']);
    expect(cycleTypes.filter((t) => t === 'cycle.curveRechecked')).toHaveLength(1);
    expect(cycleTypes.indexOf('cycle.unitReleased')).toBeLessThan(cycleTypes.indexOf('cycle.curveRechecked'));
    const t = translator('en');
    const line = cycleEventLine(t, 'cycle.curveRechecked', rechecked);
    expect(t(line.key, line.vars)).toBe(
      `The objection of ${nip.employee} was decided (Kurang/Misconduct → Butuh Perbaikan) by ${nip.superior}; the curve of unit PKM was checked again over PKM (pack asn-2023): findings Most employees are in the unit's own category.`,
    );
    // The rating set before the objection stays as it was: the decision is a new event.
    expect(events.filter((e) => e.type === 'rating.set').at(-1)?.data).toMatchObject({
      behaviour: 'diBawah',
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
    const row = await journey.row();
    expect(row).toMatchObject({ step: 'completed', predikat: 'butuhPerbaikan', version: events.length });
    expect(await journey.openTaskIds()).toEqual([]);
    const escalations = await rig.db
      .selectFrom('notifications')
      .select('recipient_nip')
      .where('kind', '=', 'escalation')
      .execute();
    expect(escalations).toEqual([{ recipient_nip: nip.supervisor }]);
    const distribution = await predikatCounts(rig.db, cycleId);
    expect(distribution.map((r) => [r.bucket, r.count])).toEqual([['butuhPerbaikan', 1]]);
  }, 300_000);
});
