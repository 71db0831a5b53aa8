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

export const berakhlakLabels: Readonly<Record<BerakhlakValue, { id: string; en: string }>> = {
  berorientasiPelayanan: { id: 'Berorientasi Pelayanan', en: 'Service-oriented' },
  akuntabel: { id: 'Akuntabel', en: 'Accountable' },
  kompeten: { id: 'Kompeten', en: 'Competent' },
  harmonis: { id: 'Harmonis', en: 'Harmonious' },
  loyal: { id: 'Loyal', en: 'Loyal' },
  adaptif: { id: 'Adaptif', en: 'Adaptive' },
  kolaboratif: { id: 'Kolaboratif', en: 'Collaborative' },
};

/**
 * What each value asks of an ASN in daily work (the panduan perilaku, in our own words): shown with the
 * ekspektasi khusus pimpinan the rater may add to the SKP for each value.
 */
export const berakhlakGuidance: Readonly<Record<BerakhlakValue, { id: string; en: string }>> = {
  berorientasiPelayanan: {
    id: 'Mengenali kebutuhan masyarakat dan memenuhinya; ramah, sigap, memberi solusi dan dapat diandalkan; terus memperbaiki layanan.',
    en: 'Finds out what the public needs and meets it; friendly, quick, helpful and dependable; keeps improving the service.',
  },
  akuntabel: {
    id: 'Jujur, bertanggung jawab, cermat, disiplin dan berintegritas; memakai barang dan anggaran negara secara hemat; tidak menyalahgunakan kewenangan.',
    en: 'Honest, responsible, careful, disciplined and upright; spends public goods and money sparingly; never misuses authority.',
  },
  kompeten: {
    id: 'Terus belajar agar mampu menjawab tuntutan yang berubah; membantu rekan belajar; menyelesaikan tugas dengan mutu terbaik.',
    en: 'Keeps learning to meet changing demands; helps colleagues learn; does each task to the best standard.',
  },
  harmonis: {
    id: 'Menghargai setiap orang apa pun latar belakangnya; suka menolong; menjaga suasana kerja yang rukun.',
    en: 'Respects everyone whatever their background; ready to help; keeps the workplace on good terms.',
  },
  loyal: {
    id: 'Setia pada Pancasila, UUD 1945, NKRI dan pemerintahan yang sah; menjaga nama baik rekan, pimpinan, instansi dan negara; menjaga rahasia jabatan.',
    en: 'True to Pancasila, the 1945 Constitution, the unitary state and lawful government; guards the good name of colleagues, leaders, the agency and the state; keeps official secrets.',
  },
  adaptif: {
    id: 'Cepat menyesuaikan diri dengan perubahan; terus berinovasi dan berkreasi; bertindak proaktif.',
    en: 'Adjusts quickly to change; keeps innovating and creating; acts before being asked.',
  },
  kolaboratif: {
    id: 'Memberi ruang bagi berbagai pihak untuk ikut berkontribusi; terbuka bekerja sama demi nilai tambah; menggerakkan sumber daya bersama untuk tujuan bersama.',
    en: 'Makes room for others to contribute; open to working together to add value; pools resources for a common goal.',
  },
};

/**
 * Scores 1-5, centred on "meets expectation" (3) so that they read like the rating perilaku kerja
 * (di atas / sesuai / di bawah ekspektasi) the supervisor finally sets.
 */
export const berakhlakScale = {
  1: { id: 'Jauh di bawah ekspektasi', en: 'Far below expectation' },
  2: { id: 'Di bawah ekspektasi', en: 'Below expectation' },
  3: { id: 'Sesuai ekspektasi', en: 'Meets expectation' },
  4: { id: 'Di atas ekspektasi', en: 'Above expectation' },
  5: { id: 'Jauh di atas ekspektasi', en: 'Far above expectation' },
} as const;

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
