// The text of a notification e-mail, in Bahasa Indonesia by default or English when the person prefers it.
import { localDateTimeText } from '../domain/time/local-text.ts';
import { type Lang, taskKindName } from '../domain/vocabulary/vocabulary.ts';

export type Language = Lang;

export function emailText(input: {
  language: Language;
  name: string;
  kind: 'assigned' | 'reminder' | 'escalation';
  taskKind: string;
  dueAt: Date | null;
  /** The organisation's zone: the deadline is written on its wall clock, with its name (WIB, WITA, WIT). */
  timeZone: string;
}) {
  // Named as the inbox names it, so the e-mail and the task it announces read the same.
  const task = taskKindName(input.language, input.taskKind);
  const due = input.dueAt ? localDateTimeText(input.dueAt, input.timeZone, input.language) : null;
  if (input.language === 'en') {
    const subject =
      input.kind === 'reminder'
        ? `Reminder: ${task}`
        : input.kind === 'escalation'
          ? `Follow-up needed: ${task}`
          : `New task: ${task}`;
    const body = `Dear ${input.name},\n\n${input.kind === 'reminder' ? 'This is a reminder that a task is still waiting for you:' : 'You have a new task in siklus:'} ${task}.${due ? `\nDue: ${due}.` : ''}\n\nOpen siklus to act on it.\n`;
    return { subject, body };
  }
  const subject =
    input.kind === 'reminder'
      ? `Pengingat: ${task}`
      : input.kind === 'escalation'
        ? `Perlu tindak lanjut: ${task}`
        : `Tugas baru: ${task}`;
  const body = `Yth. ${input.name},\n\n${input.kind === 'reminder' ? 'Kami mengingatkan bahwa tugas berikut masih menunggu Anda:' : 'Anda mendapat tugas baru di siklus:'} ${task}.${due ? `\nBatas waktu: ${due}.` : ''}\n\nBuka siklus untuk menindaklanjutinya.\n`;
  return { subject, body };
}
