// The demo organisations as they load from organisations.json: a person in a position the demo does not
// have, or an organisation outside Indonesia's zones, stops the load instead of seeding a broken demo.
import { describe, expect, it } from 'vitest';
import { organisations, positions, readOrganisations } from '../../demo/data.ts';

const organisation = (people: unknown[], timeZone = 'Asia/Jakarta') => [
  {
    id: 'uji',
    name: 'Pemerintah Kabupaten Uji',
    domain: 'ujikab.go.id',
    timeZone,
    units: [{ code: 'SETDA', name: 'Sekretariat Daerah', people }],
  },
];

describe('given the demo data files', () => {
  it('when loaded, then every person holds a demo position', () => {
    const held = organisations.flatMap((o) => o.units.flatMap((u) => u.people.map(([, code]) => code)));
    expect(held.length).toBeGreaterThan(50);
    for (const code of held) expect(positions[code], code).toBeDefined();
  });

  it('when a person holds a position the demo lacks, then the load fails naming it', () => {
    expect(() => readOrganisations(organisation([['Budi', 'SEKDA', 1]]))).not.toThrow();
    expect(() => readOrganisations(organisation([['Budi', 'BUPATI', 1]]))).toThrow(/is no position/);
  });

  it('when an organisation keeps a zone outside Indonesia, or a gender is not 1 or 2, then the load fails', () => {
    expect(() => readOrganisations(organisation([['Budi', 'SEKDA', 1]], 'Asia/Singapore'))).toThrow(
      /is no Indonesian time zone/,
    );
    expect(() => readOrganisations(organisation([['Budi', 'SEKDA', 3]]))).toThrow();
  });
});
