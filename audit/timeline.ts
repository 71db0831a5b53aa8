// A readable timeline of one appraisal, from its event log alone: one line per event with the time it
// happened (the workflow's clock), the actor (metadata) and a sentence in Bahasa Indonesia or English.
import type { Kysely } from 'kysely';
import type { AppraisalEvent } from '../domain/appraisal/events.ts';
import { type AppraisalState, evolve, initialState } from '../domain/appraisal/state.ts';
import { appraisalStreamId } from '../domain/ids.ts';
import { predikatLabels, ratingLabels } from '../domain/rating/predikat.ts';
import type { Database } from '../schema/database.ts';
import { AuditError } from './errors.ts';
import { readStreamRows, validateRow } from './event-rows.ts';
import {
  type Lang,
  object,
  reviewRoleWords,
  stepWord,
  subject,
  taskWord,
  type Who,
  when,
  whoIs,
} from './timeline-words.ts';

export type { Lang };

export interface TimelineEntry {
  version: number;
  position: number;
  /** When it happened (the event's `at`), else when it was recorded. */
  at: string;
  recordedAt: string;
  actor: string;
  type: string;
  sentence: string;
}

export async function appraisalTimeline(
  db: Kysely<Database>,
  appraisalId: string,
  lang: Lang = 'id',
): Promise<TimelineEntry[]> {
  const entries: TimelineEntry[] = [];
  let state: AppraisalState | null = null;
  for await (const rows of readStreamRows(db, [appraisalStreamId(appraisalId)])) {
    for (const row of rows) {
      const validated = validateRow(row);
      const base = {
        version: row.stream_version,
        position: row.global_position,
        recordedAt: new Date(row.recorded_ms).toISOString(),
        actor: String((row.metadata as { actor?: unknown } | null)?.actor ?? '?'),
        type: row.type,
      };
      const at = (row.data as { at?: unknown } | null)?.at;
      const time = typeof at === 'string' ? at : base.recordedAt;
      if (!validated.ok) {
        const invalid = lang === 'id' ? 'Peristiwa tidak valid' : 'Invalid event';
        entries.push({ ...base, at: time, sentence: `${invalid} ${row.type}: ${validated.detail}` });
        continue;
      }
      const event = { type: validated.event.type, data: validated.event.data } as AppraisalEvent;
      state = event.type === 'appraisal.started' ? initialState(event.data) : state && evolve(state, event);
      entries.push({ ...base, at: time, sentence: sentence(event, state, base.actor, lang) });
    }
  }
  if (entries.length === 0) throw new AuditError('not_found', `no events of appraisal ${appraisalId}`);
  return entries;
}

/** `2027-03-31 09:00  198505052010011002  Atasan mengusulkan RHK versi 2` */
export function formatTimeline(entries: readonly TimelineEntry[]): string {
  const width = Math.max(...entries.map((e) => e.actor.length));
  return entries.map((e) => `${when(e.at)}  ${e.actor.padEnd(width)}  ${e.sentence}`).join('\n');
}

function sentence(event: AppraisalEvent, state: AppraisalState | null, actor: string, lang: Lang): string {
  const t = (id: string, en: string) => (lang === 'id' ? id : en);
  const by = (nip: string) => subject(whoIs(nip, state), lang);
  const actorWho: Who = whoIs(actor, state);
  const predikat = (p: keyof typeof predikatLabels | null) => (p ? predikatLabels[p] : '-');
  const rating = (r: keyof typeof ratingLabels) => ratingLabels[r][lang];
  switch (event.type) {
    case 'appraisal.started': {
      const e = event.data.participants.employee;
      return t(
        `Penilaian kinerja ${e.name} (${e.nip}, unit ${e.unitCode}) dimulai`,
        `The appraisal of ${e.name} (${e.nip}, unit ${e.unitCode}) started`,
      );
    }
    case 'appraisal.stepEntered': {
      const due = event.data.deadline
        ? t(`, tenggat ${when(event.data.deadline)}`, `, due ${when(event.data.deadline)}`)
        : '';
      return t(
        `Tahap ${stepWord(event.data.step, lang)} dimulai${due}`,
        `The ${stepWord(event.data.step, lang)} step began${due}`,
      );
    }
    case 'appraisal.deadlineExtended':
      return t(
        `${by(event.data.by)} memperpanjang tenggat tahap ${stepWord(event.data.step, lang)} sampai ${when(event.data.deadline)}`,
        `${by(event.data.by)} extended the ${stepWord(event.data.step, lang)} deadline to ${when(event.data.deadline)}`,
      );
    case 'appraisal.completed':
      return t('Penilaian kinerja selesai', 'The appraisal was completed');
    case 'appraisal.cancelled':
      return t(
        `${by(event.data.by)} membatalkan penilaian: ${event.data.reason}`,
        `${by(event.data.by)} cancelled the appraisal: ${event.data.reason}`,
      );
    case 'task.assigned': {
      const to = event.data.assigneeRole === 'hr' ? 'hr' : whoIs(event.data.assigneeNip, state);
      const nip = event.data.assigneeNip ? ` (${event.data.assigneeNip})` : '';
      return t(
        `Tugas ${taskWord(event.data.taskId, lang)} diberikan kepada ${object(to, lang)}${nip}`,
        `Task ${taskWord(event.data.taskId, lang)} assigned to ${object(to, lang)}${nip}`,
      );
    }
    case 'task.completed':
      return t(
        `${by(event.data.by)} menyelesaikan tugas ${taskWord(event.data.taskId, lang)}`,
        `${by(event.data.by)} completed task ${taskWord(event.data.taskId, lang)}`,
      );
    case 'task.expired':
      return t(
        `Tugas ${taskWord(event.data.taskId, lang)} melewati tenggat`,
        `Task ${taskWord(event.data.taskId, lang)} expired`,
      );
    case 'task.cancelled':
      return t(
        `Tugas ${taskWord(event.data.taskId, lang)} dibatalkan (${event.data.reason})`,
        `Task ${taskWord(event.data.taskId, lang)} was cancelled (${event.data.reason})`,
      );
    case 'task.reminded':
      return t(
        `Pengingat tugas ${taskWord(event.data.taskId, lang)} dikirim, tenggat ${when(event.data.dueAt)}`,
        `Reminder sent for task ${taskWord(event.data.taskId, lang)}, due ${when(event.data.dueAt)}`,
      );
    case 'socialisation.acknowledged':
      return t(
        `${by(event.data.by)} menyatakan telah memahami standar kinerja`,
        `${by(event.data.by)} acknowledged the performance standards`,
      );
    case 'socialisation.escalated':
      return t(
        'Sosialisasi belum dikonfirmasi; dieskalasi ke atasan',
        'The standards were not acknowledged; escalated to the supervisor',
      );
    case 'agreement.proposed':
      return t(
        `${by(event.data.by)} mengusulkan RHK versi ${event.data.version}`,
        `${by(event.data.by)} proposed indicators, version ${event.data.version}`,
      );
    case 'agreement.commented':
      return t(
        `${by(event.data.by)} mengomentari RHK versi ${event.data.version}: “${event.data.comment}”`,
        `${by(event.data.by)} commented on version ${event.data.version}: “${event.data.comment}”`,
      );
    case 'agreement.signed':
      return t(
        `${by(event.data.by)} menandatangani SKP versi ${event.data.version}`,
        `${by(event.data.by)} signed the agreement, version ${event.data.version}`,
      );
    case 'agreement.agreed':
      return t(
        `SKP versi ${event.data.version} disepakati`,
        `The agreement was reached on version ${event.data.version}`,
      );
    case 'agreement.missed':
      return t('SKP tidak disepakati sampai tenggat', 'No agreement by the deadline');
    case 'checkIn.submitted':
      return t(
        `${by(event.data.by)} mengisi realisasi TW ${event.data.quarter} (${event.data.realisations.length} indikator)`,
        `${by(event.data.by)} submitted the quarter ${event.data.quarter} check-in (${event.data.realisations.length} indicators)`,
      );
    case 'checkIn.feedbackGiven':
      return t(
        `${by(event.data.by)} memberi umpan balik realisasi TW ${event.data.quarter}`,
        `${by(event.data.by)} gave feedback on the quarter ${event.data.quarter} check-in`,
      );
    case 'checkIn.missed':
      return t(
        `Realisasi TW ${event.data.quarter} tidak diisi`,
        `The quarter ${event.data.quarter} check-in was missed`,
      );
    case 'activityReport.added':
      return t(
        `${by(event.data.by)} menambahkan laporan aktivitas ${event.data.date}`,
        `${by(event.data.by)} added an activity report for ${event.data.date}`,
      );
    case 'review.peersAssigned':
      return t(
        `${by(event.data.by)} menunjuk ${event.data.peerNips.length} rekan kerja sebagai penilai`,
        `${by(event.data.by)} assigned ${event.data.peerNips.length} peer reviewers`,
      );
    case 'review.submitted': {
      const role = reviewRoleWords[event.data.role][lang];
      return t(
        `${by(event.data.reviewerNip)} mengisi penilaian perilaku BerAKHLAK (${role})`,
        `${by(event.data.reviewerNip)} submitted a BerAKHLAK review (${role})`,
      );
    }
    case 'review.missed': {
      const role = reviewRoleWords[event.data.role][lang];
      return t(
        `Penilaian ${role} dari ${event.data.reviewerNip} tidak masuk`,
        `The ${role} review by ${event.data.reviewerNip} was missed`,
      );
    }
    case 'rating.set':
      return t(
        `${by(event.data.by)} menetapkan rating hasil kerja ${rating(event.data.results)} dan perilaku ${rating(event.data.behaviour)}: predikat ${predikat(event.data.predikat)}`,
        `${by(event.data.by)} rated results ${rating(event.data.results)} and behaviour ${rating(event.data.behaviour)}: predikat ${predikat(event.data.predikat)}`,
      );
    case 'rating.missed':
      return t('Rating tidak ditetapkan sampai tenggat', 'No rating by the deadline');
    case 'rating.released':
      return t(
        `Hasil penilaian diumumkan (predikat ${predikat(event.data.predikat)}); keberatan sampai ${when(event.data.objectionDeadline)}`,
        `The rating was released (predikat ${predikat(event.data.predikat)}); objections until ${when(event.data.objectionDeadline)}`,
      );
    case 'feedback.acknowledged':
      return t(
        `${by(event.data.by)} menerima hasil penilaian`,
        `${by(event.data.by)} acknowledged the rating`,
      );
    case 'objection.filed':
      return t(
        `${by(event.data.by)} mengajukan keberatan: “${event.data.reasons}”`,
        `${by(event.data.by)} objected: “${event.data.reasons}”`,
      );
    case 'objection.decided':
      return event.data.decision === 'upheld'
        ? t(
            `${by(event.data.by)} menolak keberatan; predikat tetap ${predikat(event.data.predikat)}`,
            `${by(event.data.by)} upheld the rating; predikat stays ${predikat(event.data.predikat)}`,
          )
        : t(
            `${by(event.data.by)} mengubah predikat dari ${predikat(event.data.previousPredikat)} menjadi ${predikat(event.data.predikat)}`,
            `${by(event.data.by)} changed the predikat from ${predikat(event.data.previousPredikat)} to ${predikat(event.data.predikat)}`,
          );
    case 'referral.created':
      return t(
        `Rujukan pengembangan kompetensi dibuat (predikat ${predikat(event.data.predikat)})`,
        `A training referral was made (predikat ${predikat(event.data.predikat)})`,
      );
    case 'referral.programmeAssigned':
      return t(
        `${by(event.data.by)} menetapkan program “${event.data.programme}”`,
        `${by(event.data.by)} assigned the programme “${event.data.programme}”`,
      );
    case 'referral.completed':
      return t(
        `${by(event.data.by)} menyelesaikan program pengembangan`,
        `${by(event.data.by)} completed the training programme`,
      );
    case 'referral.lapsed':
      return t('Rujukan berakhir tanpa diselesaikan', 'The referral lapsed unfinished');
    case 'recognition.recorded':
      return t(
        `Penghargaan dicatat (predikat ${predikat(event.data.predikat)})`,
        `Recognition recorded (predikat ${predikat(event.data.predikat)})`,
      );
    default: {
      // Not an appraisal event (only a rewritten log has one here): name it as it is.
      const type = (event as { type: string }).type;
      return `${subject(actorWho, lang)}: ${type}`;
    }
  }
}
