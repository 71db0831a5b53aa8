import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { taskKinds } from '../../domain/appraisal/types.ts';
import {
  appraisalIdFor,
  appraisalIdOfStream,
  appraisalStreamId,
  appraisalStreamsOfCycleLike,
  appraisalWorkflowId,
  appraisalWorkflowsOfCyclePrefix,
  cycleIdFor,
  cycleIdOfStream,
  cycleStreamId,
  cycleWorkflowId,
  idsOfCycleLike,
  parseAppraisalId,
  parseCycleId,
  parseStreamId,
  parseSystemActor,
  parseTaskId,
  parseVersionQualifier,
  parseWebReportId,
  parseWorkflowId,
  systemActor,
  taskIdFor,
  versionQualifier,
  webReportId,
} from '../../domain/ids.ts';

// Organisation ids are free text: dots, dashes, colons and LIKE's own characters included.
const orgId = fc.string({ minLength: 1, maxLength: 20 });
const year = fc.integer({ min: 1000, max: 9999 });
const nip = fc.stringMatching(/^\d{18}$/);
const kind = fc.constantFrom(...taskKinds);
const qualifier = fc.option(
  fc.oneof(
    fc.constantFrom('I', 'II', 'III', 'IV'),
    fc.integer({ min: 1, max: 99 }).map((v) => `v${v}`),
    nip,
  ),
  { nil: undefined },
);
const cycleId = fc.tuple(orgId, year).map(([o, y]) => cycleIdFor(o, y));
const appraisalId = fc.tuple(cycleId, nip).map(([c, n]) => appraisalIdFor(c, n));
const garbage = fc.oneof(
  fc.string(),
  fc.constantFrom(
    '',
    '.',
    'bungo',
    'bungo.',
    'bungo.27',
    'bungo.2027.123',
    'cycle-',
    'appraisal-x',
    'system:',
  ),
);

describe('the ids of the system', () => {
  it('keeps the formats the stored histories, streams and rows hold', () => {
    const cycle = cycleIdFor('bungo', 2027);
    const appraisal = appraisalIdFor(cycle, '198505052010011002');
    expect([cycle, appraisal]).toEqual(['bungo.2027', 'bungo.2027.198505052010011002']);
    expect(cycleStreamId(cycle)).toBe('cycle-bungo.2027');
    expect(cycleWorkflowId(cycle)).toBe('cycle:bungo.2027');
    expect(appraisalStreamId(appraisal)).toBe('appraisal-bungo.2027.198505052010011002');
    expect(appraisalWorkflowId(appraisal)).toBe('appraisal:bungo.2027.198505052010011002');
    expect(taskIdFor(appraisal, 'submitCheckIn', 'II')).toBe(
      'bungo.2027.198505052010011002:submitCheckIn:II',
    );
    expect(taskIdFor(appraisal, 'setRating')).toBe('bungo.2027.198505052010011002:setRating');
    expect(versionQualifier(2)).toBe('v2');
    expect(systemActor('mailer')).toBe('system:mailer');
    expect(webReportId('abc')).toBe('web-abc');
    expect(idsOfCycleLike('a_b.2027')).toBe('a\\_b.2027.%');
    expect(appraisalStreamsOfCycleLike('50%.2027')).toBe('appraisal-50\\%.2027.%');
    expect(appraisalWorkflowsOfCyclePrefix(cycle)).toBe('appraisal:bungo.2027.');
    // A person's second appraisal in the cycle, after they came back; the first keeps its id.
    const again = appraisalIdFor(cycle, '198505052010011002', 2);
    expect(again).toBe('bungo.2027.198505052010011002-2');
    expect(appraisalIdFor(cycle, '198505052010011002', 1)).toBe(appraisal);
    expect(parseAppraisalId(again)).toEqual({ cycleId: cycle, nip: '198505052010011002', sequence: 2 });
    expect(appraisalStreamId(again)).toBe('appraisal-bungo.2027.198505052010011002-2');
    expect(parseTaskId(taskIdFor(again, 'ratePeriod', 'TW3'))).toEqual({
      appraisalId: again,
      kind: 'ratePeriod',
      qualifier: 'TW3',
    });
  });

  it('decodes every cycle and appraisal id it encodes', () => {
    fc.assert(
      fc.property(orgId, year, nip, (o, y, n) => {
        const cycle = cycleIdFor(o, y);
        expect(parseCycleId(cycle)).toEqual({ orgId: o, year: y });
        expect(parseAppraisalId(appraisalIdFor(cycle, n))).toEqual({ cycleId: cycle, nip: n });
      }),
    );
    fc.assert(
      fc.property(cycleId, nip, fc.integer({ min: 2, max: 1000 }), (c, n, sequence) => {
        const a = appraisalIdFor(c, n, sequence);
        expect(parseAppraisalId(a)).toEqual({ cycleId: c, nip: n, sequence });
        expect(parseStreamId(appraisalStreamId(a))).toEqual({
          type: 'appraisal',
          appraisalId: a,
          cycleId: c,
        });
        expect(parseTaskId(taskIdFor(a, 'setRating'))).toEqual({
          appraisalId: a,
          kind: 'setRating',
          qualifier: undefined,
        });
      }),
    );
  });

  it('decodes every task id it encodes', () => {
    fc.assert(
      fc.property(appraisalId, kind, qualifier, (a, k, q) => {
        expect(parseTaskId(taskIdFor(a, k, q))).toEqual({ appraisalId: a, kind: k, qualifier: q });
      }),
    );
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000 }), (v) => {
        expect(parseVersionQualifier(versionQualifier(v))).toBe(v);
      }),
    );
  });

  it('decodes every stream and workflow id it encodes, with the cycle it belongs to', () => {
    fc.assert(
      fc.property(cycleId, nip, (c, n) => {
        const a = appraisalIdFor(c, n);
        expect(parseStreamId(cycleStreamId(c))).toEqual({ type: 'cycle', cycleId: c });
        expect(parseWorkflowId(cycleWorkflowId(c))).toEqual({ type: 'cycle', cycleId: c });
        expect(parseStreamId(appraisalStreamId(a))).toEqual({
          type: 'appraisal',
          appraisalId: a,
          cycleId: c,
        });
        expect(parseWorkflowId(appraisalWorkflowId(a))).toEqual({
          type: 'appraisal',
          appraisalId: a,
          cycleId: c,
        });
        expect(cycleIdOfStream(cycleStreamId(c))).toBe(c);
        expect(appraisalIdOfStream(appraisalStreamId(a))).toBe(a);
        expect(cycleIdOfStream(appraisalStreamId(a))).toBeUndefined();
        expect(appraisalIdOfStream(cycleStreamId(c))).toBeUndefined();
        // A stream id is not a workflow id, nor the other way round.
        expect(parseWorkflowId(appraisalStreamId(a))).toBeUndefined();
        expect(parseStreamId(cycleWorkflowId(c))).toBeUndefined();
      }),
    );
  });

  it('decodes system actors and web report ids', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1 }), (s) => {
        expect(parseSystemActor(systemActor(s))).toBe(s);
        expect(parseWebReportId(webReportId(s))).toBe(s);
      }),
    );
    expect(parseSystemActor('198505052010011002')).toBeUndefined();
    expect(parseWebReportId('r-1')).toBeUndefined();
  });

  it('gives undefined, never an exception, for text that is not such an id', () => {
    for (const text of ['', 'bungo', 'bungo.27', 'bungo.2027x', '.2027', 'bungo.0999'])
      expect(parseCycleId(text)).toBeUndefined();
    for (const text of [
      'bungo.2027',
      'bungo.2027.123',
      '.198505052010011002',
      'bungo.2027.1985050520100110021',
      'bungo.2027.198505052010011002-1',
      'bungo.2027.198505052010011002-02',
      'bungo.2027.198505052010011002-',
    ])
      expect(parseAppraisalId(text)).toBeUndefined();
    for (const text of [
      'bungo.2027.198505052010011002',
      'x:setRating',
      'bungo.2027.198505052010011002:',
      'a.1:B',
    ])
      expect(parseTaskId(text)).toBeUndefined();
    for (const text of ['cycle-', 'cycle-bungo', 'appraisal-bungo.2027', 'cycle:bungo.2027', 'appraisals-x'])
      expect(parseStreamId(text)).toBeUndefined();
    for (const text of [undefined, '', 'v', 'v0', 'v01', 'II', '2'])
      expect(parseVersionQualifier(text)).toBeUndefined();
    fc.assert(
      fc.property(garbage, (text) => {
        for (const parse of [parseCycleId, parseAppraisalId, parseTaskId, parseStreamId, parseWorkflowId])
          expect(() => parse(text)).not.toThrow();
        // Whatever decodes, encodes back to the same text.
        const cycle = parseCycleId(text);
        if (cycle) expect(cycleIdFor(cycle.orgId, cycle.year)).toBe(text);
        const appraisal = parseAppraisalId(text);
        if (appraisal)
          expect(appraisalIdFor(appraisal.cycleId, appraisal.nip, appraisal.sequence)).toBe(text);
      }),
    );
  });

  it("selects with its LIKE patterns exactly the cycle's ids", () => {
    fc.assert(
      fc.property(cycleId, cycleId, nip, kind, (c, other, n, k) => {
        const like = (pattern: string) => likeRegExp(pattern);
        const a = appraisalIdFor(c, n);
        expect(like(idsOfCycleLike(c)).test(a)).toBe(true);
        expect(like(idsOfCycleLike(c)).test(taskIdFor(a, k))).toBe(true);
        expect(like(appraisalStreamsOfCycleLike(c)).test(appraisalStreamId(a))).toBe(true);
        expect(like(appraisalStreamsOfCycleLike(c)).test(cycleStreamId(c))).toBe(false);
        const o = appraisalIdFor(other, n);
        if (!o.startsWith(`${c}.`)) {
          expect(like(idsOfCycleLike(c)).test(o)).toBe(false);
          expect(like(appraisalStreamsOfCycleLike(c)).test(appraisalStreamId(o))).toBe(false);
        }
      }),
    );
  });
});

/** PostgreSQL's LIKE (backslash escapes) as a regular expression, to check the patterns without a database. */
function likeRegExp(pattern: string): RegExp {
  let source = '';
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i]!;
    if (ch === '\\') source += escapeRegExp(pattern[++i] ?? '');
    else if (ch === '%') source += '[\\s\\S]*';
    else if (ch === '_') source += '[\\s\\S]';
    else source += escapeRegExp(ch);
  }
  return new RegExp(`^${source}$`);
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
