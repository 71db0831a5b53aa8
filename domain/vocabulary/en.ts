// English: the names of the steps, and the task kinds' names and the events' sentences taken from
// their lists in every language (task-kinds.json, appraisal-events.json, cycle-events.json); see vocabulary.ts.
import { appraisalEventSentences } from './appraisal-events.ts';
import { cycleEventSentences } from './cycle-events.ts';
import { sealEventSentences } from './seal-events.ts';
import { standardsEventSentences, standardsTaskKindNames } from './standards.ts';
import { taskKindNames } from './task-kinds.ts';
import { inLanguage, type Vocabulary } from './types.ts';

export const en: Vocabulary = {
  taskKinds: inLanguage(taskKindNames, 'en'),
  standardsTaskKinds: inLanguage(standardsTaskKindNames, 'en'),
  steps: {
    socialisation: 'Socialisation',
    agreement: 'SKP agreement',
    checkIns: 'Quarterly check-ins',
    review: '360° review',
    rating: 'Rating',
    feedback: 'Feedback',
    followUp: 'Follow-up',
    completed: 'Completed',
    cancelled: 'Cancelled',
  },
  events: {
    ...inLanguage(appraisalEventSentences, 'en'),
    ...inLanguage(cycleEventSentences, 'en'),
    ...inLanguage(standardsEventSentences, 'en'),
    ...inLanguage(sealEventSentences, 'en'),
  },
};
