// README's examples name people of the demo organisation `bungo` as `npm start` seeds it, so a newcomer
// can paste them: every NIP on a line about bungo is a demo person there, in the part the example gives them.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { demoPeople } from '../../demo/seed.ts';

const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
const bungo = new Map(
  demoPeople()
    .filter((p) => p.org === 'bungo')
    .map((p) => [p.nip, p] as const),
);
const first = (pattern: RegExp) => {
  const found = pattern.exec(readme)?.[1];
  if (!found) throw new Error(`README has no ${pattern}`);
  return found;
};

describe("README's examples of the demo organisation", () => {
  it('name only NIPs of demo people of bungo', () => {
    const lines = readme.split('\n').filter((l) => /bungo|headNip/.test(l));
    const nips = lines.flatMap((l) => [...l.matchAll(/(?<!\d)\d{18}(?!\d)/g)].map((m) => m[0]));
    expect(nips.length).toBeGreaterThan(5);
    expect(nips.filter((nip) => !bungo.has(nip))).toEqual([]);
  });

  it('give each example person the part they play: HR in BKPSDM, a unit its head, a peer of the same unit', () => {
    expect(bungo.get(first(/--nip (\d{18}) --roles hr/))?.unitCode).toBe('BKPSDM');
    const me = bungo.get(first(/ME=\$\(.*--nip (\d{18})\)/));
    const peer = bungo.get(first(/:peerReview:(\d{18})/));
    expect(me).toBeDefined();
    expect(peer?.unitCode).toBe(me?.unitCode);
    expect(peer?.nip).not.toBe(me?.nip);
    const unit = /"code":"([^"]+)","name":"[^"]*","headNip":"(\d{18})"/.exec(readme);
    const head = bungo.get(unit?.[2] ?? '');
    expect(head?.leads && head.unitCode === unit?.[1]).toBe(true);
  });
});
