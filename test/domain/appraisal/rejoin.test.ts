// Given/when/then for a person who left and came back: their new appraisal in the same cycle has its own
// id, says in its first event which one came before and why and when they returned, and the audit
// timeline says so; its calendar is domain/cycle/return-calendar.ts's.
import { describe, expect, it } from 'vitest';
import { openingEvents } from '../../../domain/appraisal/opening.ts';
import { toAppraisalCalendar } from '../../../domain/cycle/appraisal-calendar.ts';
import { buildCalendar } from '../../../domain/cycle/calendar.ts';
import { calendarFromReturn } from '../../../domain/cycle/return-calendar.ts';
import { appraisalIdFor } from '../../../domain/ids.ts';
import { fill, vocabularies } from '../../../domain/vocabulary/vocabulary.ts';
import { nips, participantsIn } from './fixtures.ts';

const cycle = toAppraisalCalendar(
  buildCalendar(2027, '2027-01-01', { periods: 'quarterly' }, 'Asia/Jakarta'),
);
const back = '2027-08-02T01:00:00.000Z';
const opening = (rejoined?: { previousAppraisalId: string; reason: string; effectiveDate: string }) =>
  openingEvents(
    {
      appraisalId: appraisalIdFor('bungo.2027', nips.employee, rejoined ? 2 : undefined),
      cycleId: 'bungo.2027',
      orgId: 'bungo',
      participants: participantsIn('PKM'),
      calendar: rejoined ? calendarFromReturn(cycle, back) : cycle,
      ...(rejoined ? { rejoined } : {}),
    },
    back,
  );

describe('given an employee whose appraisal was cancelled when they left', () => {
  const rejoined = {
    previousAppraisalId: `bungo.2027.${nips.employee}`,
    reason: 'Selesai tugas belajar',
    effectiveDate: '2027-08-01',
  };

  it('when they come back, then a second appraisal opens, saying which came before, why and since when', () => {
    const [started, entered, task] = opening(rejoined);
    expect(started).toMatchObject({
      type: 'appraisal.started',
      data: { appraisalId: `bungo.2027.${nips.employee}-2`, rejoined },
    });
    // The socialisation is theirs from the return, two weeks in WIB; the acknowledge task with it.
    expect(entered).toMatchObject({ data: { step: 'socialisation', deadline: '2027-08-15T16:59:59.000Z' } });
    expect(task).toMatchObject({
      type: 'task.assigned',
      data: { taskId: `bungo.2027.${nips.employee}-2:acknowledgeStandards`, assigneeNip: nips.employee },
    });
  });

  it('when an appraisal starts for the first time, then its first event is as it always was', () => {
    const [started] = opening();
    expect(started?.data).not.toHaveProperty('rejoined');
  });

  it('says the return in the timeline’s words, in both languages, with the same values', () => {
    const values = {
      name: 'Siti',
      nip: nips.employee,
      unit: 'PKM',
      effectiveDate: '2027-08-01',
      reason: 'x',
      previous: 'y',
    };
    expect(fill(vocabularies.en.events['appraisal.started:rejoined'], values)).toBe(
      `The appraisal of Siti (${nips.employee}, unit PKM) started again: back from 2027-08-01 (x); the earlier one is y`,
    );
    expect(fill(vocabularies.id.events['appraisal.started:rejoined'], values)).not.toMatch(/\{\w+\}/);
  });
});
