// The supervisor's check-in feedback page: who is appraised and who rates (as the forms head them), what
// the employee reported for the quarter, indicator by
// indicator with the target and the evidence (web links as links), then the feedback form.
import type { AppraisalState } from '../../../domain/appraisal/state.ts';
import { qualifierOf } from '../../../domain/ids.ts';
import type { CheckInRecord } from '../../../record/read/agreement.ts';
import type { Parties } from '../../../record/read/people.ts';
import { commandForm, type FormState, stateFor, textField } from '../forms.ts';
import { type Html, h } from '../html.ts';
import type { Translate } from '../i18n/index.ts';
import { taskHead } from './agreement.ts';
import { evidenceFileLink } from './evidence-link.ts';
import type { InboxTask } from './inbox.ts';
import { partiesCard } from './person-facts.ts';
import { realisationText, targetText } from './skp-parts.ts';

export interface CheckInFeedbackView {
  task: InboxTask;
  ownerName: string | null;
  appraisal: AppraisalState | null;
  record: CheckInRecord;
  /** The employee and the rater as the forms give them (number, status, rank, position, unit). */
  parties: Parties | null;
  state: FormState | null;
  now: Date;
}

export function checkInFeedbackBody(t: Translate, view: CheckInFeedbackView): Html {
  const { task, record, appraisal } = view;
  const quarter = qualifierOf(task.taskId) ?? '';
  const agreement = appraisal?.agreement;
  const agreed = agreement?.versions.find((v) => v.version === agreement.agreedVersion);
  const indicators = new Map(agreed?.rhk.flatMap((r) => r.indicators.map((i) => [i.id, i] as const)) ?? []);
  const submitted = record.submitted;
  return h`${taskHead(t, task, view.ownerName, view.now)}
${view.parties ? partiesCard(t, view.parties) : ''}
<section class="card" aria-labelledby="realisation"><h2 id="realisation">${t(`quarter.${quarter}`)}</h2>
${
  submitted
    ? h`<p class="muted">${t('checkIn.submitted', { date: t.dateTime(submitted.at) })}</p>
<div class="scroll"><table><thead><tr><th>${t('indicator.description')}</th><th>${t('indicator.target')}</th><th>${t('field.realisation')}</th><th>${t('checkIn.evidence')}</th></tr></thead>
<tbody>${submitted.realisations.map((r) => {
        const ind = indicators.get(r.indicatorId);
        return h`<tr><td>${ind?.description ?? r.indicatorId}</td><td>${ind ? targetText(t, ind) : ''}</td><td>${realisationText(t, ind, r)}</td>
<td>${r.evidence.length === 0 ? '–' : h`<ul>${r.evidence.map((e) => h`<li>${e.file ? evidenceFileLink(e.file) : ''}${e.url ? link(e.url) : ''}${e.url && e.note ? h`<br>` : ''}${e.note ?? ''}</li>`)}</ul>`}</td></tr>`;
      })}</tbody></table></div>`
    : h`<p>${t('checkIn.notSubmitted')}</p>`
}
${record.feedback ? h`<p>${t('checkIn.feedback', { date: t.dateTime(record.feedback.at) })}: ${record.feedback.feedback}</p>` : ''}
</section>
${commandForm(t, view.state, {
  action: `/app/tasks/${encodeURIComponent(task.taskId)}`,
  type: 'giveCheckInFeedback',
  submit: t('action.giveCheckInFeedback'),
  hidden: { quarter },
  fields: textField(t, stateFor(view.state, 'giveCheckInFeedback'), {
    name: 'feedback',
    label: t('field.feedback'),
    kind: 'textarea',
  }),
})}`;
}

/** Only web links become links: any other scheme (javascript:, data:) stays text. */
export const link = (url: string) =>
  /^https?:\/\//i.test(url) ? h`<a href="${url}" rel="noopener noreferrer">${url}</a>` : url;
