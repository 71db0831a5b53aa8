// The demo people as `npm start` seeds them: every number is valid and of the person's status, PPPK work
// in each demo organisation, and everyone has a rank that is theirs to have.
import { describe, expect, it } from 'vitest';
import { pppkNames } from '../../demo/employment.ts';
import { demoPeople } from '../../demo/seed.ts';
import { parseRank } from '../../domain/organisation/employment.ts';
import { parseNip } from '../../domain/organisation/nip.ts';

const people = demoPeople();

describe('given the demo people', () => {
  it('when their numbers are checked, then each is valid and of the kind of their status', () => {
    for (const p of people)
      expect(parseNip(p.nip), `${p.name} ${p.nip}`).toMatchObject({
        ok: true,
        nip: { kind: p.employmentStatus },
      });
    expect(new Set(people.map((p) => `${p.org} ${p.nip}`)).size).toBe(people.length);
  });

  it('when counted by organisation, then each has PNS and PPPK, and the PPPK are staff, not unit leaders', () => {
    for (const org of ['bungo', 'bukittinggi', 'asemrowo']) {
      const of = people.filter((p) => p.org === org);
      expect(of.filter((p) => p.employmentStatus === 'PPPK').length, org).toBeGreaterThanOrEqual(3);
      expect(of.filter((p) => p.employmentStatus === 'PNS').length, org).toBeGreaterThan(10);
    }
    expect(people.filter((p) => pppkNames.has(p.name)).map((p) => p.name)).toEqual([...pppkNames]);
    const leaders = new Set(people.map((p) => p.supervisorNip));
    expect(people.filter((p) => p.employmentStatus === 'PPPK' && leaders.has(p.nip))).toEqual([]);
  });

  it('when their ranks are read, then each is a rank of their status in its stored form', () => {
    for (const p of people)
      expect(parseRank(p.employmentStatus, p.rank), `${p.name} ${p.rank}`).toEqual({
        ok: true,
        rank: p.rank,
      });
  });
});
