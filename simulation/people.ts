// How simulated people answer their tasks: most on time, some late or never, a few objecting.
import type { AppraisalCommand } from '../domain/appraisal/commands.ts';
import type { Rhk } from '../domain/appraisal/events.ts';
import type { Quarter, TaskKind } from '../domain/appraisal/types.ts';
import { qualifierOf } from '../domain/ids.ts';
import { berakhlakValues } from '../domain/review/berakhlak.ts';
import type { Random } from './random.ts';

export interface OpenTaskRow {
  task_id: string;
  appraisal_id: string;
  kind: string;
  assignee_nip: string | null;
  assignee_role: string;
}

const rhk = (random: Random, parentRhkId: string | null): Rhk[] => [
  {
    id: 'rhk-1',
    kind: 'utama',
    description: 'Meningkatkan kualitas pelayanan publik di unit kerja',
    parentRhkId,
    indicators: [
      {
        id: 'iki-1',
        description: 'Indeks kepuasan masyarakat',
        aspect: 'kualitas',
        target: `${random.int(80, 90)}`,
      },
      {
        id: 'iki-2',
        description: 'Waktu tunggu pelayanan',
        aspect: 'waktu',
        target: `${random.int(20, 40)} menit`,
      },
    ],
  },
];

const scores = (random: Random) =>
  Object.fromEntries(berakhlakValues.filter(() => random.chance(0.9)).map((v) => [v, random.int(2, 5)]));

/** Ratings spread like a real unit: mostly Baik, some Sangat Baik, a few low. */
export function drawRating(random: Random): Extract<AppraisalCommand, { type: 'setRating' }> {
  const r = random.next();
  const [results, behaviour] =
    r < 0.2
      ? (['diAtas', 'diAtas'] as const)
      : r < 0.75
        ? (['sesuai', 'sesuai'] as const)
        : r < 0.9
          ? (['diBawah', 'sesuai'] as const)
          : r < 0.97
            ? (['sesuai', 'diBawah'] as const)
            : (['diBawah', 'diBawah'] as const);
  return { type: 'setRating', results, behaviour, feedback: 'Umpan balik kinerja tahunan' };
}

/** The command a person sends for a task, or null when they let it slide. */
export function answer(
  task: OpenTaskRow,
  random: Random,
  peersOf: (appraisalId: string) => string[],
  /** The supervisor's agreed RHK an RHK utama must name, when there is one (the cascade). */
  parentOf: (appraisalId: string) => string | null = () => null,
): AppraisalCommand | null {
  const kind = task.kind as TaskKind;
  const version = Number(task.task_id.match(/:v(\d+)$/)?.[1] ?? 1);
  switch (kind) {
    case 'acknowledgeStandards':
      return random.chance(0.9) ? { type: 'acknowledgeStandards' } : null;
    case 'proposeIndicators':
      return random.chance(0.97)
        ? { type: 'proposeIndicators', rhk: rhk(random, parentOf(task.appraisal_id)) }
        : null;
    case 'reviewIndicators':
      return random.chance(0.1) && version === 1
        ? { type: 'commentIndicators', version, comment: 'Mohon target disesuaikan' }
        : { type: 'signAgreement', version };
    case 'signAgreement':
      return { type: 'signAgreement', version };
    case 'submitCheckIn': {
      const quarter = qualifierOf(task.task_id) as Quarter;
      return random.chance(0.85)
        ? {
            type: 'submitCheckIn',
            quarter,
            realisations: [
              {
                indicatorId: 'iki-1',
                value: `${random.int(70, 95)}`,
                evidence: [{ note: 'Laporan survei' }],
              },
            ],
          }
        : null;
    }
    case 'giveCheckInFeedback': {
      const quarter = qualifierOf(task.task_id) as Quarter;
      return random.chance(0.9)
        ? { type: 'giveCheckInFeedback', quarter, feedback: 'Pertahankan, perbaiki dokumentasi' }
        : null;
    }
    case 'recordRealisation':
      return random.chance(0.9)
        ? {
            type: 'recordRealisation',
            period: qualifierOf(task.task_id) ?? '',
            realisations: [
              {
                indicatorId: 'iki-1',
                value: `${random.int(70, 95)}`,
                evidence: [{ url: 'https://arsip.example/survei', note: 'Laporan survei' }],
              },
            ],
          }
        : null;
    case 'ratePeriod': {
      // The rater rates on time mostly; once escalated, the superior usually does, and HR always.
      const [period = '', to] = (qualifierOf(task.task_id) ?? '').split('.');
      if (!random.chance(to === 'hr' ? 1 : to === 'superior' ? 0.8 : 0.85)) return null;
      const { results, behaviour } = drawRating(random);
      return { type: 'ratePeriod', period, results, behaviour, feedback: 'Umpan balik periodik' };
    }
    case 'acknowledgePeriod':
      return random.chance(0.9)
        ? { type: 'acknowledgePeriod', period: qualifierOf(task.task_id) ?? '' }
        : null;
    case 'assignPeers': {
      const peers = peersOf(task.appraisal_id);
      return peers.length > 0 && random.chance(0.8)
        ? { type: 'assignPeers', peerNips: peers.slice(0, random.int(1, Math.min(2, peers.length))) }
        : null;
    }
    case 'selfAssessment':
    case 'supervisorAssessment':
    case 'peerReview':
    case 'subordinateReview':
      return random.chance(0.85) ? { type: 'submitReview', scores: scores(random), comment: '' } : null;
    case 'setRating': {
      const to = qualifierOf(task.task_id);
      return random.chance(to === 'hr' ? 1 : to === 'superior' ? 0.8 : 0.9) ? drawRating(random) : null;
    }
    case 'readFeedback':
      return random.chance(0.05)
        ? { type: 'fileObjection', reasons: 'Penilaian tidak sesuai bukti dukung' }
        : random.chance(0.95)
          ? { type: 'acknowledgeFeedback' }
          : null;
    case 'decideObjection': {
      // HR holds it where the superior is outside siklus, and records the decision letter's reference.
      const letter = task.assignee_role === 'hr' ? { letterRef: 'SK Bupati 800/123/2026' } : {};
      return random.chance(0.5)
        ? {
            type: 'decideObjection',
            decision: 'changed',
            results: 'sesuai',
            behaviour: 'sesuai',
            reason: 'Bukti dukung memadai',
            ...letter,
          }
        : { type: 'decideObjection', decision: 'upheld', reason: 'Penilaian sudah sesuai', ...letter };
    }
    case 'assignTraining':
      return {
        type: 'assignTraining',
        programme: random.pick([
          'Pelatihan pelayanan prima',
          'Diklat manajemen kinerja',
          'Coaching dan mentoring',
        ]),
      };
    case 'completeTraining':
      return random.chance(0.8) ? { type: 'completeTraining', note: 'Sertifikat pelatihan' } : null;
    default:
      // A kind the simulated people do not act on (the escalation only tells the supervisor).
      return null;
  }
}
