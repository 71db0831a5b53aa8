import { describe, expect, it } from 'vitest';
import { evidenceNote } from '../../audit/evidence-note.ts';

const sha256 = 'ab12cd34ef56'.padEnd(64, '0');
const data = {
  period: 'TW1',
  realisations: [
    {
      indicatorId: 'iki-1',
      evidence: [{ note: 'Foto' }, { file: { sha256, name: 'rekap.pdf', size: 20480 } }],
    },
    { indicatorId: 'iki-2', evidence: [{ url: 'https://example.go.id/x' }] },
  ],
};

describe('the evidence files an event names, in the audit timeline', () => {
  it("lists each file's name, size and hash in the reader's language", () => {
    expect(evidenceNote(data, 'id')).toBe('; berkas bukti: rekap.pdf (20 KB, SHA-256 ab12cd34ef56…)');
    expect(evidenceNote(data, 'en')).toBe('; evidence files: rekap.pdf (20 KB, SHA-256 ab12cd34ef56…)');
  });

  it('says nothing for an event without files', () => {
    expect(evidenceNote({ realisations: [{ evidence: [{ note: 'x' }] }] }, 'id')).toBe('');
    expect(evidenceNote({ by: '1' }, 'en')).toBe('');
  });
});
