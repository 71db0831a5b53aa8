// A supervisor's inbox groups the tasks by the employee whose appraisal they are on: my own first, then
// one group per employee (by their earliest due task), each naming the employee once.
import { describe, expect, it } from 'vitest';
import { translator } from '../../../api/web/i18n/index.ts';
import { taskList } from '../../../api/web/views/inbox.ts';

const me = '197502281999041006';
const ana = '199001012015031004';
const budi = '199202022016041005';
const task = (owner: string, kind: string, dueAt: string) => ({
  taskId: `bungo.2027.${owner}:${kind}`,
  appraisalId: `bungo.2027.${owner}`,
  kind,
  step: 'agreement',
  dueAt,
});

describe('the inbox grouped by employee', () => {
  it('lists my own tasks first, then each employee once with their tasks', () => {
    const t = translator('id');
    const html = String(
      taskList(t, {
        tasks: [
          task(budi, 'signAgreement', '2027-01-20T16:59:59Z'),
          task(me, 'acknowledgeStandards', '2027-01-21T16:59:59Z'),
          task(ana, 'proposeIndicators', '2027-01-22T16:59:59Z'),
          task(budi, 'escalateSocialisation', '2027-01-23T16:59:59Z'),
        ],
        names: new Map([
          [ana, 'Ana Perawat'],
          [budi, 'Budi Perawat'],
        ]),
        me,
        now: new Date('2027-01-15T00:00:00Z'),
      }),
    );
    const order = [
      'Untuk saya sendiri',
      'acknowledgeStandards',
      'Penilaian Budi Perawat',
      'signAgreement',
      'escalateSocialisation',
      'Penilaian Ana Perawat',
      'proposeIndicators',
    ].map((x) => html.indexOf(x));
    expect(order.every((at) => at >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(html.match(/Penilaian Budi Perawat/g)).toHaveLength(2); // heading and its label
    expect(html).toContain(`data-owner="${budi}"`);
    // Only my own tasks: no headings at all.
    const alone = String(
      taskList(t, {
        tasks: [task(me, 'acknowledgeStandards', '2027-01-21T16:59:59Z')],
        names: new Map(),
        me,
        now: new Date('2027-01-15T00:00:00Z'),
      }),
    );
    expect(alone).not.toContain('Untuk saya sendiri');
  });
});
