// The periodic evaluation document of a year a mutasi divided: a period is printed against the SKP
// agreed in its own SKP period, not the one agreed after the mutasi (whose RHK it never had).
import { describe, expect, it } from 'vitest';
import { evaluationDocument } from '../../documents/evaluation.ts';
import { factsOf } from '../../documents/model.ts';
import { evaluationFile } from '../../domain/appraisal/evaluation-file.ts';
import { evaluationLog, nameOf, rhk } from '../support/evaluation-log.ts';

describe('the periodic evaluation document after a mutasi', () => {
  it("prints a period's RHK and indicators from the SKP in force in that period", () => {
    const file = evaluationFile(evaluationLog().events, nameOf);
    const current = {
      version: 2,
      agreedAt: '2027-07-22T02:00:00.000Z',
      rhk: [{ ...rhk[0], id: 'rhk-9', description: 'Cakupan imunisasi naik', indicators: [] }],
    };
    // As the fold gives it after a mutasi: the current SKP is v2, TW1 keeps the v1 it was read against.
    const moved = { ...file, skp: current as NonNullable<typeof file.skp> };
    const input = {
      file: moved,
      events: [],
      names: new Map<string, string>(),
      year: 2027,
      employee: null,
      rater: null,
      organisation: { name: 'Pemkab Bungo', timeZone: 'Asia/Jakarta' },
      parentLabels: new Map<string, string>(),
      lang: 'id' as const,
    };
    const keys = factsOf(evaluationDocument(input, 'TW1')).map((f) => f.key);
    expect(keys).toContain('rhk.rhk-1.iki-1.realisation');
    expect(keys).toContain('rhk.rhk-2.description');
    expect(keys).not.toContain('rhk.rhk-9.description');
  });
});
