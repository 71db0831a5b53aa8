// The demo's first standards round: every position someone holds in a demo organisation is published as
// version 1 by the organisation's HR head, after a nurse's proposal HR accepted; every event fits its
// schema, and the round ends closed.
import { describe, expect, it } from 'vitest';
import { organisations } from '../../demo/data.ts';
import { demoPeople } from '../../demo/seed.ts';
import { demoHr, demoStandardsRound } from '../../demo/standards.ts';
import { standardsEventSchemas } from '../../domain/standards/events.ts';
import { evolveRound, initialRoundState } from '../../domain/standards/state.ts';

const at = '2026-12-01T02:00:00.000Z';

describe.each(organisations.map((o) => [o.id, o] as const))('the demo round of %s', (id, org) => {
  const events = demoStandardsRound(org, at);
  const people = demoPeople().filter((p) => p.org === id);
  const held = [...new Set(people.map((p) => p.positionCode))].sort();

  it('publishes version 1 of every position someone holds, and closes', () => {
    for (const event of events)
      expect(standardsEventSchemas[event.type].safeParse(event.data).success, event.type).toBe(true);
    const published = events.flatMap((e) => (e.type === 'standards.published' ? [e.data] : []));
    expect(published.map((p) => p.positionCode).sort()).toEqual(held);
    expect(new Set(published.map((p) => `${p.version} ${p.by}`))).toEqual(
      new Set([`1 ${demoHr(people).nip}`]),
    );
    expect(events.at(-1)?.type).toBe('standards.roundClosed');
    expect(events.some((e) => e.type === 'standards.taskAssigned')).toBe(false);
  });

  it("records the nurse's proposal, HR's answer and the version that took it up", () => {
    const [first, ...rest] = events;
    if (first?.type !== 'standards.roundStarted') throw new Error('no start');
    const state = rest.reduce(evolveRound, initialRoundState(first.data));
    const nursing = state.positions.find((p) => p.positionCode === 'PERAWAT');
    const nurse = people.find((p) => p.positionCode === 'PERAWAT');
    expect(nursing?.comments.map((c) => [c.by, c.answer?.answer, c.answer?.by, c.publishedIn])).toEqual([
      [nurse?.nip, 'accepted', demoHr(people).nip, 1],
    ]);
    expect(nursing?.published?.standard.rhk[0]?.indicators[0]?.target).toBe('100% dalam 24 jam');
    expect(state.status).toBe('closed');
  });
});
