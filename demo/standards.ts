// The demo organisations' standards as a first, closed round: HR publishes version 1 of every position's
// standard (its duties and default indicators under one RHK utama), after one holder's proposal was
// answered, so the demo shows who proposed and who decided. Pure: the events come from the domain's own
// decider; bin/demo-standards.ts appends them.
import { standardsRoundIdFor } from '../domain/ids.ts';
import type { StandardsCommand } from '../domain/standards/commands.ts';
import { closeWindow, decideStandards, startRound } from '../domain/standards/decide.ts';
import type { RoundPosition, StandardsEvent } from '../domain/standards/events.ts';
import type { Standard } from '../domain/standards/payloads.ts';
import { evolveRound, initialRoundState, type RoundState } from '../domain/standards/state.ts';
import { type DemoOrganisation, type DemoPosition, organisations, positions } from './data.ts';
import { type DemoPerson, demoPeople } from './seed.ts';

/** A demo position's standard: its duties, its indicators under one RHK utama. */
export function demoStandard(position: DemoPosition): Standard {
  return {
    duties: position.duties,
    rhk: [
      {
        id: 'rhk-1',
        kind: 'utama',
        description: position.duties[0] ?? position.name,
        parentRhkId: null,
        indicators: position.indicators.map((ind, i) => ({ id: `iki-${i + 1}`, ...ind })),
      },
    ],
  };
}

/** Who acts as HR in a demo organisation: the head of its HR office (BKPSDM, Umum dan Kepegawaian). */
export function demoHr(people: readonly DemoPerson[]): DemoPerson {
  const hr = people.find((p) => p.positionCode === 'KABADAN' || p.positionCode === 'KASUBAG') ?? people[0];
  if (!hr) throw new Error('a demo organisation has people');
  return hr;
}

/** The first round of one demo organisation, every event in order, at `at`. */
export function demoStandardsRound(org: DemoOrganisation, at: string): StandardsEvent[] {
  const people = demoPeople().filter((p) => p.org === org.id);
  const hr = demoHr(people);
  const held = Object.entries(positions).filter(([code]) => people.some((p) => p.positionCode === code));
  const roundPositions: RoundPosition[] = held.map(([code, position]) => {
    const holders = people.filter((p) => p.positionCode === code);
    const supervisors = [
      ...new Set(holders.flatMap((h) => (h.supervisorNip ? [h.supervisorNip] : []))),
    ].filter((nip) => !holders.some((h) => h.nip === nip));
    return {
      positionCode: code,
      name: position.name,
      baseVersion: null,
      standard: demoStandard(position),
      participants: [
        ...holders.map((h) => ({ nip: h.nip, role: 'holder' as const })),
        ...supervisors.map((nip) => ({ nip, role: 'supervisor' as const })),
      ],
      leaderNips: [],
    };
  });
  const events: StandardsEvent[] = [];
  let state: RoundState | null = null;
  const act = (decide: (s: RoundState) => StandardsEvent[]) => {
    if (!state) throw new Error('the round has started');
    for (const event of decide(state)) {
      events.push(event);
      state = evolveRound(state, event);
    }
  };
  const roundId = standardsRoundIdFor(org.id, 1);
  // The window ended the moment the round opened: nobody gets a task, the record keeps who took part.
  const [started] = startRound(
    {
      roundId,
      orgId: org.id,
      timeZone: org.timeZone,
      deadline: at,
      positions: roundPositions,
      startedBy: hr.nip,
    },
    at,
  );
  if (started?.type !== 'standards.roundStarted')
    throw new Error('a round starts with standards.roundStarted');
  events.push(started);
  state = initialRoundState(started.data);
  const command = (nip: string, hrRole: boolean, c: StandardsCommand) =>
    act((s) => decideStandards(s, c, { actor: { nip, roles: hrRole ? ['hr'] : [] }, now: at }));
  // A nurse proposed a measurable target, and HR accepted it.
  const nurse = people.find((p) => p.positionCode === 'PERAWAT');
  const nursing = positions.PERAWAT;
  if (nurse && nursing) {
    const proposal = demoStandard(nursing);
    const [rhk] = proposal.rhk;
    const [first, ...rest] = rhk?.indicators ?? [];
    if (rhk && first) {
      proposal.rhk = [{ ...rhk, indicators: [{ ...first, target: '100% dalam 24 jam' }, ...rest] }];
      command(nurse.nip, false, {
        type: 'commentStandard',
        positionCode: 'PERAWAT',
        text: 'Usul target dihitung dalam 24 jam setelah tindakan, agar dapat diukur dari rekam asuhan.',
        proposal,
      });
      command(hr.nip, true, {
        type: 'answerProposal',
        positionCode: 'PERAWAT',
        commentId: 'c1',
        answer: 'accepted',
      });
    }
  }
  act((s) => closeWindow(s, at));
  for (const p of roundPositions)
    command(hr.nip, true, { type: 'publishStandard', positionCode: p.positionCode });
  command(hr.nip, true, { type: 'closeRound' });
  return events;
}

/** Every demo organisation's first round, by organisation id. */
export const demoStandardsRounds = (at: string) =>
  new Map(organisations.map((org) => [org.id, demoStandardsRound(org, at)]));
