// The words of a standards round in every language: its task kind's name (inbox, e-mail) and one sentence
// per event type for the timeline; `{name}` stands for one of the event's values. An event type without
// a sentence in a language fails to compile.
import type { StandardsEventType } from '../standards/events.ts';
import type { StandardsTaskKind } from '../standards/task-kinds.ts';
import { appraisalEventSentences } from './appraisal-events.ts';
import type { Words } from './types.ts';

export const standardsTaskKindNames: Readonly<Record<StandardsTaskKind, Words>> = {
  reviewStandard: {
    id: 'Tanggapi rancangan standar kinerja jabatan',
    en: 'Comment on the draft standard of a position',
  },
};

export const standardsEventSentences: Readonly<Record<StandardsEventType, Words>> = {
  'standards.roundStarted': {
    id: '{by} membuka putaran penyusunan standar kinerja sampai {deadline}',
    en: '{by} opened a round of drafting the standards until {deadline}',
  },
  'standards.taskAssigned': {
    id: 'Tugas menanggapi standar {position} diberikan kepada {to}',
    en: 'The task to comment on the standard of {position} was given to {to}',
  },
  // A round's task ends in the words of an appraisal's.
  'standards.taskCompleted': appraisalEventSentences['task.completed'],
  'standards.taskReminded': {
    id: 'Pengingat tugas {task} dikirim',
    en: 'A reminder of task {task} was sent',
  },
  'standards.taskExpired': appraisalEventSentences['task.expired'],
  'standards.taskCancelled': { id: 'Tugas {task} dibatalkan', en: 'Task {task} was cancelled' },
  'standards.drafted': {
    id: '{by} menyusun rancangan standar {position} (revisi {revision})',
    en: '{by} drafted the standard of {position} (revision {revision})',
  },
  'standards.commented': {
    id: '{by} menanggapi standar {position}: {text}',
    en: '{by} commented on the standard of {position}: {text}',
  },
  'standards.proposalAnswered': {
    id: '{by} menjawab usulan {commentId} untuk {position}: {answer}',
    en: '{by} answered proposal {commentId} on {position}: {answer}',
  },
  'standards.published': {
    id: '{by} menetapkan standar {position} versi {version}',
    en: '{by} published version {version} of the standard of {position}',
  },
  'standards.windowClosed': {
    id: 'Masa tanggapan standar kinerja berakhir',
    en: 'The window for comments on the standards closed',
  },
  'standards.roundClosed': {
    id: '{by} menutup putaran penyusunan standar kinerja',
    en: '{by} closed the round of drafting the standards',
  },
};
