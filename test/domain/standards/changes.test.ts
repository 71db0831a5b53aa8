// What a proposal changes against the draft, item by item: what HR decides on.
import { describe, expect, it } from 'vitest';
import { standardChanges } from '../../../domain/standards/changes.ts';
import type { Standard } from '../../../domain/standards/payloads.ts';

const base: Standard = {
  duties: ['Memberikan asuhan keperawatan', 'Mencatat rekam asuhan'],
  rhk: [
    {
      id: 'rhk-1',
      kind: 'utama',
      description: 'Asuhan keperawatan bermutu',
      parentRhkId: null,
      indicators: [
        { id: 'iki-1', description: 'Asuhan terdokumentasi', aspect: 'kuantitas', target: '100%' },
        { id: 'iki-2', description: 'Keluhan pasien', aspect: 'kualitas', target: '0' },
      ],
    },
  ],
};

describe('standardChanges', () => {
  it('finds nothing between a standard and itself', () => {
    expect(standardChanges(base, structuredClone(base))).toEqual([]);
  });

  it('names each duty, RHK and indicator added, removed or changed, with the old and new value', () => {
    const [rhk] = base.rhk;
    if (!rhk) throw new Error('no rhk');
    const proposal: Standard = {
      duties: ['Memberikan asuhan keperawatan', 'Melakukan penyuluhan'],
      rhk: [
        {
          ...rhk,
          description: 'Asuhan keperawatan rawat jalan bermutu',
          indicators: [
            {
              id: 'iki-1',
              description: 'Asuhan terdokumentasi',
              aspect: 'waktu',
              target: '95% dalam 24 jam',
            },
            { id: 'iki-3', description: 'Penyuluhan', aspect: 'kuantitas', target: '12 sesi' },
          ],
        },
        // A new RHK, tambahan, with no parent (as the first).
        {
          ...rhk,
          id: 'rhk-2',
          kind: 'tambahan',
          description: 'Mentoring perawat baru',
          indicators: [{ id: 'iki-4', description: 'Perawat dibimbing', aspect: 'kuantitas', target: '2' }],
        },
      ],
    };
    expect(standardChanges(base, proposal)).toEqual([
      { kind: 'dutyAdded', text: 'Melakukan penyuluhan' },
      { kind: 'dutyRemoved', text: 'Mencatat rekam asuhan' },
      {
        kind: 'rhkChanged',
        from: 'Asuhan keperawatan bermutu',
        to: 'Asuhan keperawatan rawat jalan bermutu',
      },
      {
        kind: 'indicatorChanged',
        rhk: 'Asuhan keperawatan rawat jalan bermutu',
        text: 'Asuhan terdokumentasi',
        field: 'aspect',
        from: 'kuantitas',
        to: 'waktu',
      },
      {
        kind: 'indicatorChanged',
        rhk: 'Asuhan keperawatan rawat jalan bermutu',
        text: 'Asuhan terdokumentasi',
        field: 'target',
        from: '100%',
        to: '95% dalam 24 jam',
      },
      { kind: 'indicatorAdded', rhk: 'Asuhan keperawatan rawat jalan bermutu', text: 'Penyuluhan' },
      { kind: 'indicatorRemoved', rhk: 'Asuhan keperawatan rawat jalan bermutu', text: 'Keluhan pasien' },
      { kind: 'rhkAdded', text: 'Mentoring perawat baru' },
    ]);
    expect(standardChanges(proposal, base).filter((c) => c.kind === 'rhkRemoved')).toEqual([
      { kind: 'rhkRemoved', text: 'Mentoring perawat baru' },
    ]);
  });
});
