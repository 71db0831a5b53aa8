import { describe, expect, it } from 'vitest';
import { DomainError } from '../../../domain/errors.ts';
import {
  aggregateReviews,
  berakhlakReviewSchema,
  berakhlakValues,
  validatePeerAssignment,
} from '../../../domain/review/berakhlak.ts';
import { berakhlakLabels, berakhlakScale } from '../../../domain/vocabulary/berakhlak.ts';

const employee = '198503122010011003';
const supervisor = '196805121990031002';
const peers = ['199202292015032001', '199001012015031001', '199101012015031002'];
const all = (score: number) => Object.fromEntries(berakhlakValues.map((v) => [v, score]));

describe('given the BerAKHLAK values', () => {
  it('when listed, then there are seven, each with its Indonesian and English name', () => {
    expect(berakhlakValues.map((v) => berakhlakLabels[v].id)).toEqual([
      'Berorientasi Pelayanan',
      'Akuntabel',
      'Kompeten',
      'Harmonis',
      'Loyal',
      'Adaptif',
      'Kolaboratif',
    ]);
    expect(berakhlakLabels.berorientasiPelayanan.en).toBe('Service-oriented');
  });

  it('when the scale is read, then 3 means meets expectation', () => {
    expect(Object.keys(berakhlakScale)).toEqual(['1', '2', '3', '4', '5']);
    expect(berakhlakScale[3].en).toBe('Meets expectation');
  });
});

describe('given a submitted review', () => {
  it('when every value is scored 1-5, then it is valid', () => {
    expect(
      berakhlakReviewSchema.safeParse({ reviewerNip: peers[0], role: 'peer', scores: all(4) }).success,
    ).toBe(true);
  });

  it('when only some values are scored, then it is valid', () => {
    const review = { reviewerNip: peers[0], role: 'peer', scores: { loyal: 5 } };
    expect(berakhlakReviewSchema.safeParse(review).success).toBe(true);
  });

  it.each([
    ['a score of 0', { ...all(3), loyal: 0 }],
    ['a score of 6', { ...all(3), loyal: 6 }],
    ['a fractional score', { ...all(3), loyal: 3.5 }],
    ['an unknown value', { ...all(3), jujur: 3 }],
    ['no score at all', {}],
  ])('when it has %s, then it is rejected', (_, scores) => {
    expect(berakhlakReviewSchema.safeParse({ reviewerNip: peers[0], role: 'peer', scores }).success).toBe(
      false,
    );
  });

  it('when the reviewer NIP is not a valid NIP, then it is rejected', () => {
    expect(berakhlakReviewSchema.safeParse({ reviewerNip: '1', role: 'self', scores: all(3) }).success).toBe(
      false,
    );
  });
});

describe('given reviews from several reviewers', () => {
  const reviews = [
    { reviewerNip: supervisor, role: 'supervisor' as const, scores: all(4), comment: 'Selalu tepat waktu' },
    { reviewerNip: peers[0]!, role: 'peer' as const, scores: { ...all(3), loyal: undefined } },
    { reviewerNip: peers[1]!, role: 'peer' as const, scores: { ...all(5), kompeten: 2 } },
  ];

  it('when aggregated, then each value has its average and count', () => {
    const aggregate = aggregateReviews(reviews);
    expect(aggregate.reviewCount).toBe(3);
    expect(aggregate.values.akuntabel).toEqual({ average: 4, count: 3 });
    expect(aggregate.values.kompeten).toEqual({ average: 3, count: 3 });
    expect(aggregate.values.loyal).toEqual({ average: 4.5, count: 2 });
  });

  it('when aggregated, then no reviewer NIP, role or comment is in the result', () => {
    const text = JSON.stringify(aggregateReviews(reviews));
    for (const nip of [supervisor, ...peers]) expect(text).not.toContain(nip);
    expect(text).not.toContain('supervisor');
    expect(text).not.toContain('peer');
    expect(text).not.toContain('Selalu');
  });

  it('when aggregated in another order, then the result is the same', () => {
    expect(aggregateReviews([...reviews].reverse())).toEqual(aggregateReviews(reviews));
  });

  it('when there are no reviews, then every value has count 0 and a null average', () => {
    const aggregate = aggregateReviews([]);
    expect(aggregate.reviewCount).toBe(0);
    for (const v of berakhlakValues) expect(aggregate.values[v]).toEqual({ average: null, count: 0 });
  });
});

describe('given a peer assignment', () => {
  const people = { employeeNip: employee, supervisorNip: supervisor };
  const codeOf = (run: () => void) => {
    try {
      run();
    } catch (error) {
      if (error instanceof DomainError) return error.code;
      throw error;
    }
    return null;
  };
  const fivePeers = ['1', '2', '3', '4', '5'].map((n) => `19900101201503100${n}`);

  it('when 1 or 5 distinct peers are assigned, then it is accepted', () => {
    expect(codeOf(() => validatePeerAssignment(peers.slice(0, 1), people))).toBeNull();
    expect(codeOf(() => validatePeerAssignment(fivePeers, people))).toBeNull();
  });

  it('when 0 or 6 peers are assigned, then review.peerCount is thrown', () => {
    expect(codeOf(() => validatePeerAssignment([], people))).toBe('review.peerCount');
    expect(codeOf(() => validatePeerAssignment([...fivePeers, '199001012015031006'], people))).toBe(
      'review.peerCount',
    );
  });

  it('when a peer is listed twice, then review.duplicatePeer is thrown', () => {
    expect(codeOf(() => validatePeerAssignment([peers[0]!, peers[0]!], people))).toBe('review.duplicatePeer');
  });

  it('when the employee or the supervisor is listed, then review.selfAsPeer or review.supervisorAsPeer is thrown', () => {
    expect(codeOf(() => validatePeerAssignment([employee], people))).toBe('review.selfAsPeer');
    expect(codeOf(() => validatePeerAssignment([supervisor], people))).toBe('review.supervisorAsPeer');
  });
});
