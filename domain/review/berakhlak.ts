// Perilaku kerja is judged on the seven BerAKHLAK core values of the ASN. Reviews come from the employee
// (self), the supervisor, 1-5 peers and subordinates; the employee sees only the aggregate.
import { z } from 'zod';
import { DomainError } from '../errors.ts';
import { nipSchema } from '../organisation/nip.ts';

export const berakhlakValues = [
  'berorientasiPelayanan',
  'akuntabel',
  'kompeten',
  'harmonis',
  'loyal',
  'adaptif',
  'kolaboratif',
] as const;
export type BerakhlakValue = (typeof berakhlakValues)[number];

export const berakhlakScoreSchema = z.int().min(1).max(5);

export const reviewerRoles = ['self', 'supervisor', 'peer', 'subordinate'] as const;
export type ReviewerRole = (typeof reviewerRoles)[number];

/**
 * A reviewer may leave out a value they could not observe, but must score at least one. Unknown
 * value keys are rejected.
 */
export const berakhlakReviewSchema = z.object({
  reviewerNip: nipSchema,
  role: z.enum(reviewerRoles),
  scores: z
    .strictObject(
      Object.fromEntries(berakhlakValues.map((v) => [v, berakhlakScoreSchema.optional()])) as Record<
        BerakhlakValue,
        z.ZodOptional<typeof berakhlakScoreSchema>
      >,
    )
    .refine((scores) => Object.values(scores).some((s) => s !== undefined), 'score at least one value'),
  comment: z.string().max(4000).optional(),
});
export type BerakhlakReview = z.infer<typeof berakhlakReviewSchema>;

export type BerakhlakAggregate = {
  reviewCount: number;
  values: Record<BerakhlakValue, { average: number | null; count: number }>;
};

/**
 * Per-value average and count over all the reviews, and nothing that identifies a reviewer: no NIPs,
 * no roles, no comments (free text can give its writer away), and no dependence on the order of input.
 * `average` is null for a value nobody scored.
 */
export function aggregateReviews(reviews: readonly Pick<BerakhlakReview, 'scores'>[]): BerakhlakAggregate {
  const values = {} as BerakhlakAggregate['values'];
  for (const value of berakhlakValues) {
    let sum = 0;
    let count = 0;
    for (const review of reviews) {
      const score = review.scores[value];
      if (score === undefined) continue;
      sum += score;
      count += 1;
    }
    values[value] = { average: count === 0 ? null : sum / count, count };
  }
  return { reviewCount: reviews.length, values };
}

export const minPeers = 1;
export const maxPeers = 5;

/**
 * The supervisor assigns 1-5 peers (rekan kerja). Throws a DomainError when the count is wrong, a NIP is
 * listed twice, or the employee or their supervisor is listed (they review in their own roles).
 */
export function validatePeerAssignment(
  peerNips: readonly string[],
  people: { employeeNip: string; supervisorNip?: string | null },
): void {
  if (peerNips.length < minPeers || peerNips.length > maxPeers) {
    throw new DomainError(
      'review.peerCount',
      `assign ${minPeers}-${maxPeers} peers; got ${peerNips.length}`,
      {
        count: peerNips.length,
      },
    );
  }
  const seen = new Set<string>();
  for (const nip of peerNips) {
    if (seen.has(nip)) throw new DomainError('review.duplicatePeer', `peer ${nip} is listed twice`, { nip });
    seen.add(nip);
    if (nip === people.employeeNip) {
      throw new DomainError('review.selfAsPeer', 'the employee cannot be their own peer', { nip });
    }
    if (nip === people.supervisorNip) {
      throw new DomainError(
        'review.supervisorAsPeer',
        'the supervisor reviews as supervisor, not as a peer',
        { nip },
      );
    }
  }
}
