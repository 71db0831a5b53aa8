// The standards pages render in both languages without a missing key (the translator throws on one),
// over data that reaches every round status, role, task status, answer, edit mode and form error; and
// each in one language only.
import { describe, expect, it } from 'vitest';
import { translator } from '../../../api/web/i18n/index.ts';
import { type EditMode, positionBody } from '../../../api/web/views/standard-position.ts';
import { standardsBody } from '../../../api/web/views/standards.ts';
import type { PositionState, RoundState, RoundTask } from '../../../domain/standards/state.ts';
import { nurseStandard, roundNips } from '../../support/standards-round.ts';

const now = new Date('2027-01-05T03:00:00Z');
const at = '2027-01-04T03:00:00.000Z';
const deadline = '2027-01-14T16:59:59.000Z';
const { hr, nurse, head } = roundNips;
const position: PositionState = {
  positionCode: 'PERAWAT',
  name: 'Perawat Terampil',
  baseVersion: 1,
  published: { version: 2, standard: nurseStandard('95%') },
  draft: nurseStandard('95%'),
  revision: 2,
  participants: [
    { nip: nurse, role: 'holder' },
    { nip: head, role: 'supervisor' },
  ],
  leaderNips: [head],
  comments: (['accepted', 'changed', 'declined', null] as const).map((answer, i) => ({
    commentId: `c${i + 1}`,
    revision: 0,
    text: `Tanggapan ${i + 1}`,
    proposal: i === 3 ? null : nurseStandard(`${90 + i}%`),
    role: i % 2 ? 'supervisor' : 'holder',
    by: i % 2 ? head : nurse,
    at,
    answer: answer ? { answer, reason: answer === 'declined' ? 'Sesuai standar' : null, by: hr, at } : null,
    publishedIn: answer === 'accepted' ? 2 : null,
  })),
  versions: [{ version: 2, by: hr, at }],
};
const unanswered: PositionState = {
  ...position,
  comments: [
    ...position.comments,
    { ...position.comments[0]!, commentId: 'c5', answer: null, publishedIn: null },
  ],
};
const task = (status: RoundTask['status']): RoundTask => ({
  taskId: 't',
  positionCode: 'PERAWAT',
  assigneeNip: nurse,
  role: 'holder',
  dueAt: deadline,
  status,
  remindedAt: null,
});
const names = new Map([
  [nurse, 'Ns. Fitri'],
  [head, 'dr. Riko'],
  [hr, 'Drs. Zulkifli'],
]);

describe.each(['id', 'en'] as const)('the standards pages in %s', (lang) => {
  const t = translator(lang, 'Asia/Makassar');
  const other =
    lang === 'id'
      ? /Tanggapan sampai|Tetapkan versi|Kirim tanggapan/
      : /Comments until|Publish version|Send the comment/;

  it('renders the position page for every role, status, task, answer and edit mode', () => {
    const pages: string[] = [];
    const statuses: RoundState['status'][] = ['open', 'windowClosed', 'closed'];
    const edits: EditMode[] = [null, 'draft', 'proposal', 'answer:c5'];
    for (const status of statuses)
      for (const me of [
        { nip: nurse, hr: false },
        { nip: head, hr: false },
        { nip: hr, hr: true },
      ])
        for (const edit of edits)
          for (const myTask of [
            undefined,
            task('open'),
            task('completed'),
            task('expired'),
            task('cancelled'),
          ])
            pages.push(
              positionBody(t, {
                round: { roundId: 'bungo.standards-2', status, deadline },
                position: unanswered,
                names,
                me,
                myTask,
                edit,
                state: null,
                now,
                done: edit === null,
              }),
            );
    // Each form sent with errors and a refusal shows them.
    for (const type of ['commentStandard', 'draftStandard', 'answerProposal', 'publishStandard'])
      pages.push(
        positionBody(t, {
          round: { roundId: 'bungo.standards-2', status: 'open', deadline },
          position: unanswered,
          names,
          me: { nip: head, hr: true },
          myTask: undefined,
          edit: type === 'draftStandard' ? 'draft' : type === 'commentStandard' ? 'proposal' : null,
          state: {
            type,
            values: { commentId: 'c5', duties: '' },
            errors: {
              duties: 'error.required',
              text: 'error.required',
              reason: 'error.required',
              answer: 'error.required',
            },
            formError: t('problem.reason_required'),
          },
          now,
          done: false,
        }),
      );
    const all = pages.join('\n');
    // 16:59:59 UTC is 00:59 the next day in WITA.
    expect(all).toMatch(/15 Jan 2027,? 00[.:]59 WITA/);
    expect(all).toContain('WITA');
    expect(all).not.toMatch(
      lang === 'id' ? /Comments until|Publish version/ : /Tanggapan sampai|Tetapkan versi/,
    );
    expect(all).toMatch(other);
  });

  it('renders the round page for HR starting one, for a participant, and for someone with no part', () => {
    const round = {
      roundId: 'bungo.standards-2',
      orgId: 'bungo',
      timeZone: 'Asia/Makassar',
      deadline,
      status: 'open' as const,
      startedBy: hr,
      startedAt: at,
      closed: null,
      version: 9,
      positions: [unanswered],
      tasks: { t: task('open') },
    };
    const summary = {
      roundId: 'bungo.standards-1',
      status: 'closed' as const,
      deadline,
      startedBy: hr,
      startedAt: at,
      closedAt: at,
    };
    const candidates = [
      {
        positionCode: 'PERAWAT',
        name: 'Perawat Terampil',
        baseVersion: 1,
        standard: nurseStandard('95%'),
        participants: [{ nip: nurse, role: 'holder' as const }],
        leaderNips: [],
      },
    ];
    const pages = [
      standardsBody(t, {
        rounds: [summary],
        round: null,
        me: { nip: hr, hr: true },
        candidates,
        state: {
          type: 'startRound',
          values: { positionCodes: '' },
          errors: { until: 'standards.error.window_in_past', positionCodes: 'standards.error.noPositions' },
        },
        flash: null,
      }),
      standardsBody(t, {
        rounds: [summary],
        round,
        me: { nip: nurse, hr: false },
        candidates: null,
        state: null,
        flash: 'started',
      }),
      standardsBody(t, {
        rounds: [summary],
        round: { ...round, positions: [] },
        me: { nip: '199505052020121005', hr: false },
        candidates: null,
        state: null,
        flash: 'closed',
      }),
      standardsBody(t, {
        rounds: [],
        round: null,
        me: { nip: nurse, hr: false },
        candidates: null,
        state: null,
        flash: null,
      }),
      standardsBody(t, {
        rounds: [summary],
        round: { ...round, status: 'closed' },
        me: { nip: hr, hr: true },
        candidates: null,
        state: null,
        flash: null,
      }),
    ].join('\n');
    expect(pages).toContain(lang === 'id' ? 'Putaran 2' : 'Round 2');
    expect(pages).toContain('WITA');
  });
});
