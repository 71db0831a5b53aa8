// Bahasa Indonesia: the names of the steps, and the task kinds' names and the events' sentences taken from
// their lists in every language (task-kinds.json, appraisal-events.json, cycle-events.json); see vocabulary.ts.
import { appraisalEventSentences } from './appraisal-events.ts';
import { cycleEventSentences } from './cycle-events.ts';
import { sealEventSentences } from './seal-events.ts';
import { standardsEventSentences, standardsTaskKindNames } from './standards.ts';
import { taskKindNames } from './task-kinds.ts';
import { inLanguage, type Vocabulary } from './types.ts';

export const id: Vocabulary = {
  taskKinds: inLanguage(taskKindNames, 'id'),
  standardsTaskKinds: inLanguage(standardsTaskKindNames, 'id'),
  steps: {
    socialisation: 'Sosialisasi',
    agreement: 'Penyusunan SKP',
    checkIns: 'Evaluasi triwulan',
    review: 'Penilaian perilaku 360°',
    rating: 'Penetapan rating',
    feedback: 'Umpan balik',
    followUp: 'Tindak lanjut',
    completed: 'Selesai',
    cancelled: 'Dibatalkan',
  },
  events: {
    ...inLanguage(appraisalEventSentences, 'id'),
    ...inLanguage(cycleEventSentences, 'id'),
    ...inLanguage(standardsEventSentences, 'id'),
    ...inLanguage(sealEventSentences, 'id'),
  },
};
