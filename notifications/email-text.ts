// The text of a notification e-mail, in Bahasa Indonesia by default or English when the person prefers it.
export type Language = 'id' | 'en';

const taskNames: Record<string, { id: string; en: string }> = {
  acknowledgeStandards: {
    id: 'membaca dan menyetujui standar kinerja',
    en: 'read and acknowledge the performance standards',
  },
  escalateSocialisation: {
    id: 'menindaklanjuti pegawai yang belum membaca standar kinerja',
    en: 'follow up an employee who has not acknowledged the standards',
  },
  proposeIndicators: {
    id: 'mengusulkan rencana hasil kerja (RHK) dan indikator',
    en: 'propose results (RHK) and indicators',
  },
  reviewIndicators: { id: 'meninjau usulan SKP', en: 'review the proposed SKP' },
  signAgreement: { id: 'menandatangani SKP', en: 'sign the SKP' },
  submitCheckIn: { id: 'mengisi realisasi triwulan', en: 'submit the quarterly realisation' },
  giveCheckInFeedback: { id: 'memberi umpan balik triwulan', en: 'give quarterly feedback' },
  assignPeers: { id: 'menunjuk rekan penilai', en: 'assign peer reviewers' },
  selfAssessment: { id: 'mengisi penilaian diri', en: 'complete the self-assessment' },
  supervisorAssessment: { id: 'menilai pegawai', en: 'assess the employee' },
  peerReview: { id: 'memberi penilaian rekan kerja (BerAKHLAK)', en: 'give a peer review (BerAKHLAK)' },
  subordinateReview: { id: 'memberi penilaian atasan (BerAKHLAK)', en: 'review your supervisor (BerAKHLAK)' },
  setRating: {
    id: 'menetapkan rating hasil kerja dan perilaku',
    en: 'set the results and behaviour ratings',
  },
  readFeedback: { id: 'membaca umpan balik dan predikat kinerja', en: 'read your feedback and predikat' },
  decideObjection: { id: 'memutus keberatan pegawai', en: "decide an employee's objection" },
  assignTraining: { id: 'menentukan program pengembangan kompetensi', en: 'choose a development programme' },
  completeTraining: {
    id: 'menyelesaikan program pengembangan kompetensi',
    en: 'complete the development programme',
  },
};

export function emailText(input: {
  language: Language;
  name: string;
  kind: 'assigned' | 'reminder' | 'escalation';
  taskKind: string;
  dueAt: Date | null;
}) {
  const task = taskNames[input.taskKind]?.[input.language] ?? input.taskKind;
  const due = input.dueAt ? input.dueAt.toISOString().slice(0, 10) : null;
  if (input.language === 'en') {
    const subject =
      input.kind === 'reminder'
        ? `Reminder: ${task}`
        : input.kind === 'escalation'
          ? `Follow-up needed: ${task}`
          : `New task: ${task}`;
    const body = `Dear ${input.name},\n\n${input.kind === 'reminder' ? 'This is a reminder that you still need to' : 'You have a new task in siklus:'} ${task}.${due ? `\nDue: ${due}.` : ''}\n\nOpen siklus to act on it.\n`;
    return { subject, body };
  }
  const subject =
    input.kind === 'reminder'
      ? `Pengingat: ${task}`
      : input.kind === 'escalation'
        ? `Perlu tindak lanjut: ${task}`
        : `Tugas baru: ${task}`;
  const body = `Yth. ${input.name},\n\n${input.kind === 'reminder' ? 'Kami mengingatkan bahwa Anda masih perlu' : 'Anda mendapat tugas baru di siklus:'} ${task}.${due ? `\nBatas waktu: ${due}.` : ''}\n\nBuka siklus untuk menindaklanjutinya.\n`;
  return { subject, body };
}
