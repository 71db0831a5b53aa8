// A standards round's rules as given/when/then: given the round's events, when someone asks (or the
// window's timer fires), then these events are recorded (`thenRecord`: a `then` key would make it a
// thenable), or the request is refused with a code.
import { describe, expect, it } from 'vitest';
import type { Actor } from '../../../domain/appraisal/types.ts';
import { DomainError } from '../../../domain/errors.ts';
import { standardsTaskIdFor } from '../../../domain/ids.ts';
import type { StandardsCommand } from '../../../domain/standards/commands.ts';
import {
  closeWindow,
  decideStandards,
  type RoundStart,
  remindRound,
  sameStandard,
  startRound,
} from '../../../domain/standards/decide.ts';
import type { StandardsEvent } from '../../../domain/standards/events.ts';
import type { Standard } from '../../../domain/standards/payloads.ts';
import { evolveRound, initialRoundState, type RoundState } from '../../../domain/standards/state.ts';
import { nursePosition, nurseStandard, roundNips } from '../../support/standards-round.ts';

const at = '2027-01-05T03:00:00.000Z';
const deadline = '2027-01-14T16:59:59.000Z';
const nip = { ...roundNips, stranger: '199505052020121005' };
const roundId = 'bungo.standards-1';

const start: RoundStart = {
  roundId,
  orgId: 'bungo',
  timeZone: 'Asia/Jakarta',
  deadline,
  startedBy: nip.hr,
  positions: [nursePosition(1)],
};

function fold(events: StandardsEvent[]): RoundState {
  const [first, ...rest] = events;
  if (first?.type !== 'standards.roundStarted') throw new Error('a round starts with standards.roundStarted');
  return rest.reduce(evolveRound, initialRoundState(first.data));
}

const person = (who: keyof typeof nip): Actor => ({ nip: nip[who], roles: who === 'hr' ? ['hr'] : [] });

const given = (...history: StandardsEvent[][]) => {
  const events = [startRound(start, at), ...history].flat();
  return {
    state: fold(events),
    when: (who: keyof typeof nip, command: StandardsCommand, now = at) => {
      const decide = () => decideStandards(fold(events), command, { actor: person(who), now });
      return {
        thenRecord: (expected: StandardsEvent[]) => expect(decide()).toEqual(expected),
        thenRefuse: (code: string) => {
          expect(decide).toThrow(DomainError);
          try {
            decide();
          } catch (error) {
            expect((error as DomainError).code).toBe(code);
          }
        },
        events: decide,
      };
    },
  };
};

const task = (who: 'nurse' | 'nurse2' | 'head') => standardsTaskIdFor(roundId, nip[who], 'PERAWAT');
/** HR accepted the nurse's proposal (comment c1) of 95%. */
const acceptedNurseProposal: StandardsEvent = {
  type: 'standards.proposalAnswered',
  data: {
    positionCode: 'PERAWAT',
    commentId: 'c1',
    answer: 'accepted',
    reason: null,
    standard: nurseStandard('95%'),
    by: nip.hr,
    at,
  },
};
const comment = (who: 'nurse' | 'nurse2', proposal: Standard | null, commentId = 'c1'): StandardsEvent[] => [
  {
    type: 'standards.commented',
    data: {
      positionCode: 'PERAWAT',
      commentId,
      revision: 0,
      text: 'Target 100% tidak realistis saat pasien ramai',
      proposal,
      role: 'holder',
      by: nip[who],
      at,
    },
  },
  { type: 'standards.taskCompleted', data: { taskId: task(who), by: nip[who], at } },
];

describe('a standards round', () => {
  it('given a start, then every holder and supervisor of the position has a task due at the deadline', () => {
    const events = startRound(start, at);
    expect(events.map((e) => e.type)).toEqual([
      'standards.roundStarted',
      'standards.taskAssigned',
      'standards.taskAssigned',
      'standards.taskAssigned',
    ]);
    const state = fold(events);
    expect(Object.values(state.tasks).map((t) => [t.assigneeNip, t.role, t.dueAt, t.status])).toEqual([
      [nip.nurse, 'holder', deadline, 'open'],
      [nip.nurse2, 'holder', deadline, 'open'],
      [nip.head, 'supervisor', deadline, 'open'],
    ]);
    expect(state.positions[0]?.published).toEqual({ version: 1, standard: nurseStandard('100%') });
  });

  it('when a holder proposes a change, then the comment is recorded on the revision it saw and their task completes', () => {
    given()
      .when('nurse', {
        type: 'commentStandard',
        positionCode: 'PERAWAT',
        text: 'Target 100% tidak realistis saat pasien ramai',
        proposal: nurseStandard('95%'),
      })
      .thenRecord(comment('nurse', nurseStandard('95%')));
  });

  it('when a colleague reads the round, then each comment is there for every participant to see', () => {
    const { state } = given(comment('nurse', nurseStandard('95%')));
    expect(
      state.positions[0]?.comments.map((c) => [c.commentId, c.by, c.proposal?.rhk[0]?.indicators[0]?.target]),
    ).toEqual([['c1', nip.nurse, '95%']]);
  });

  it('when someone who neither holds the position nor supervises a holder comments, then it is refused', () => {
    given()
      .when('stranger', { type: 'commentStandard', positionCode: 'PERAWAT', text: 'Setuju' })
      .thenRefuse('forbidden_actor');
    given()
      .when('hr', { type: 'commentStandard', positionCode: 'PERAWAT', text: 'Setuju' })
      .thenRefuse('forbidden_actor');
  });

  it('when a proposal is the draft as it stands, then it is refused', () => {
    given()
      .when('nurse', {
        type: 'commentStandard',
        positionCode: 'PERAWAT',
        text: 'x',
        proposal: nurseStandard('100%'),
      })
      .thenRefuse('proposal_unchanged');
  });

  it('when the deadline has passed or the window closed, then comments are refused', () => {
    const late = '2027-01-14T17:00:00.000Z';
    given()
      .when('nurse', { type: 'commentStandard', positionCode: 'PERAWAT', text: 'Telat' }, late)
      .thenRefuse('window_closed');
    given(closeWindow(given().state, late))
      .when('nurse', { type: 'commentStandard', positionCode: 'PERAWAT', text: 'Telat' })
      .thenRefuse('window_closed');
  });

  it('given 3 days left, then open tasks are reminded once; at the deadline they expire and the window closes', () => {
    const reminded = remindRound(given(comment('nurse', null)).state, '2027-01-11T16:59:59.000Z');
    expect(reminded.map((e) => e.type === 'standards.taskReminded' && e.data.taskId)).toEqual([
      task('nurse2'),
      task('head'),
    ]);
    const state = given(comment('nurse', null), reminded).state;
    expect(remindRound(state, '2027-01-12T00:00:00.000Z')).toEqual([]);
    expect(closeWindow(state, deadline).map((e) => e.type)).toEqual([
      'standards.taskExpired',
      'standards.taskExpired',
      'standards.windowClosed',
    ]);
  });

  it('when a leader of the unit drafts, then a new revision is recorded; a holder may not draft', () => {
    given()
      .when('leader', { type: 'draftStandard', positionCode: 'PERAWAT', standard: nurseStandard('98%') })
      .thenRecord([
        {
          type: 'standards.drafted',
          data: { positionCode: 'PERAWAT', revision: 1, standard: nurseStandard('98%'), by: nip.leader, at },
        },
      ]);
    given()
      .when('nurse', { type: 'draftStandard', positionCode: 'PERAWAT', standard: nurseStandard('98%') })
      .thenRefuse('forbidden_actor');
    given()
      .when('hr', { type: 'draftStandard', positionCode: 'PERAWAT', standard: nurseStandard('100%') })
      .thenRecord([]);
  });

  it('when HR answers proposals, then accepted takes the proposal, changed takes HR’s standard, declined needs a reason', () => {
    const proposed = given(comment('nurse', nurseStandard('95%')));
    expect(
      proposed
        .when('hr', { type: 'answerProposal', positionCode: 'PERAWAT', commentId: 'c1', answer: 'accepted' })
        .events(),
    ).toEqual([acceptedNurseProposal]);
    const changed = proposed
      .when('hr', {
        type: 'answerProposal',
        positionCode: 'PERAWAT',
        commentId: 'c1',
        answer: 'changed',
        reason: 'Jalan tengah',
        standard: nurseStandard('97%'),
      })
      .events();
    expect(
      fold([...startRound(start, at), ...comment('nurse', nurseStandard('95%')), ...changed]).positions[0]
        ?.draft,
    ).toEqual(nurseStandard('97%'));
    proposed
      .when('hr', { type: 'answerProposal', positionCode: 'PERAWAT', commentId: 'c1', answer: 'declined' })
      .thenRefuse('reason_required');
    proposed
      .when('hr', { type: 'answerProposal', positionCode: 'PERAWAT', commentId: 'c1', answer: 'changed' })
      .thenRefuse('standard_required');
    proposed
      .when('leader', {
        type: 'answerProposal',
        positionCode: 'PERAWAT',
        commentId: 'c1',
        answer: 'accepted',
      })
      .thenRefuse('forbidden_actor');
    given(comment('nurse', null))
      .when('hr', { type: 'answerProposal', positionCode: 'PERAWAT', commentId: 'c1', answer: 'accepted' })
      .thenRefuse('not_found');
    given(comment('nurse', nurseStandard('95%')), changed)
      .when('hr', { type: 'answerProposal', positionCode: 'PERAWAT', commentId: 'c1', answer: 'accepted' })
      .thenRefuse('already_done');
  });

  it('when HR publishes, then the next version carries the draft and who proposed and who decided each change', () => {
    const declined: StandardsEvent = {
      type: 'standards.proposalAnswered',
      data: {
        positionCode: 'PERAWAT',
        commentId: 'c2',
        answer: 'declined',
        reason: 'Sesuai standar nasional',
        standard: null,
        by: nip.hr,
        at,
      },
    };
    const history = [comment('nurse', nurseStandard('95%')), comment('nurse2', nurseStandard('90%'), 'c2')];
    given(...history, [acceptedNurseProposal])
      .when('hr', { type: 'publishStandard', positionCode: 'PERAWAT' })
      .thenRefuse('proposals_unanswered');
    const published = given(...history, [acceptedNurseProposal, declined])
      .when('hr', { type: 'publishStandard', positionCode: 'PERAWAT' })
      .events();
    expect(published).toEqual([
      {
        type: 'standards.published',
        data: {
          positionCode: 'PERAWAT',
          version: 2,
          standard: nurseStandard('95%'),
          decisions: [
            { commentId: 'c1', proposedBy: nip.nurse, answer: 'accepted', reason: null, decidedBy: nip.hr },
            {
              commentId: 'c2',
              proposedBy: nip.nurse2,
              answer: 'declined',
              reason: 'Sesuai standar nasional',
              decidedBy: nip.hr,
            },
          ],
          by: nip.hr,
          at,
        },
      },
    ]);
    // Published: nothing new to publish, and the next version names no decision twice.
    given(...history, [acceptedNurseProposal, declined], published)
      .when('hr', { type: 'publishStandard', positionCode: 'PERAWAT' })
      .thenRefuse('nothing_to_publish');
    given().when('hr', { type: 'publishStandard', positionCode: 'PERAWAT' }).thenRefuse('nothing_to_publish');
    given()
      .when('leader', { type: 'publishStandard', positionCode: 'PERAWAT' })
      .thenRefuse('forbidden_actor');
  });

  it('when HR closes the round, then open tasks are cancelled and nothing more is taken', () => {
    const closing = given().when('hr', { type: 'closeRound' }).events();
    expect(closing.map((e) => e.type)).toEqual([
      'standards.taskCancelled',
      'standards.taskCancelled',
      'standards.taskCancelled',
      'standards.roundClosed',
    ]);
    given(closing)
      .when('hr', { type: 'publishStandard', positionCode: 'PERAWAT' })
      .thenRefuse('round_closed');
    given().when('nurse', { type: 'closeRound' }).thenRefuse('forbidden_actor');
    given().when('hr', { type: 'publishStandard', positionCode: 'BIDAN' }).thenRefuse('not_found');
  });

  it('compares standards by content, whatever the order of their keys', () => {
    const a = nurseStandard('95%');
    const b: Standard = { rhk: a.rhk, duties: a.duties };
    expect(sameStandard(a, b)).toBe(true);
    expect(sameStandard(a, nurseStandard('96%'))).toBe(false);
  });
});
