// One position in a standards round, as each person needs it: the draft everyone comments on, every
// comment and proposal with HR's answer (who proposed, who decided), the versions published; then what
// this person may do: comment or propose a change (holders and their supervisors, within the window),
// revise the draft (HR, the unit's leader), answer each proposal and publish (HR). One editor at a time
// (`edit`), so every field's id is unique on the page.
import type { PositionState, RoundState, RoundTask } from '../../../domain/standards/state.ts';
import { commandForm, type FormState, newFormKey, radioGroup, stateFor, textField } from '../forms.ts';
import { type Html, h, raw } from '../html.ts';
import type { Translate } from '../i18n/index.ts';
import { notice } from '../layout.ts';
import { valuesFromStandard } from '../standard-form.ts';
import type { MeasureChoice } from './measure-field.ts';
import { changeList, standardFields, standardView } from './standard-editor.ts';

export type EditMode = 'proposal' | 'draft' | `answer:${string}` | null;

export interface PositionPageView {
  round: Pick<RoundState, 'roundId' | 'status' | 'deadline'>;
  position: PositionState;
  /** NIP → name of everyone named on the page. */
  names: ReadonlyMap<string, string>;
  me: { nip: string; hr: boolean };
  myTask: RoundTask | undefined;
  edit: EditMode;
  state: FormState | null;
  now: Date;
  done: boolean;
  /** The organisation's measures a default indicator may be bound to. */
  measures?: readonly MeasureChoice[];
}

export const positionPath = (roundId: string, code: string) =>
  `/app/standards/${encodeURIComponent(roundId)}/${encodeURIComponent(code)}`;

export function positionBody(t: Translate, view: PositionPageView): Html {
  const { round, position: p, me } = view;
  const path = positionPath(round.roundId, p.positionCode);
  const role = p.participants.find((x) => x.nip === me.nip)?.role;
  const leader = p.leaderNips.includes(me.nip);
  const open = round.status === 'open' && view.now.getTime() <= Date.parse(round.deadline);
  const name = (nip: string) => view.names.get(nip) ?? nip;
  return h`<p><a href="/app/standards?round=${encodeURIComponent(round.roundId)}">← ${t('standards.back')}</a></p>
${view.done ? notice('ok', t('flash.done')) : ''}
<dl class="facts card"><dt>${t('standards.position')}</dt><dd>${p.name} <span class="muted">(${p.positionCode})</span></dd>
<dt>${t('standards.window')}</dt><dd>${t('standards.until', { deadline: t.dateTime(round.deadline) })} · ${t(`standards.status.${round.status}`)}</dd>
<dt>${t('standards.published')}</dt><dd>${p.published ? t('standards.versionNumber', { version: p.published.version }) : t('standards.notPublished')}</dd>
${role || leader ? h`<dt>${t('standards.myPart')}</dt><dd>${role ? t(`standards.role.${role}`) : ''}${role && leader ? ' · ' : ''}${leader ? t('standards.role.leader') : ''}${view.myTask ? h` · ${t(`standards.task.${view.myTask.status}`)}` : ''}</dd>` : ''}</dl>
<section class="card" aria-labelledby="draft"><h2 id="draft">${t('standards.draft', { revision: p.revision })}</h2>
${standardView(t, p.draft)}
${(me.hr || leader) && round.status !== 'closed' && view.edit !== 'draft' ? h`<p><a href="${path}?edit=draft#draft-form">${t('standards.editDraft')}</a></p>` : ''}</section>
${view.edit === 'draft' && (me.hr || leader) ? editorForm(t, view, path, 'draftStandard', t('standards.saveDraft'), p.draft) : ''}
<section aria-labelledby="comments"><h2 id="comments">${t('standards.comments', { count: p.comments.length })}</h2>
${p.comments.length === 0 ? h`<p class="muted">${t('standards.noComments')}</p>` : ''}
<ol class="comments">${p.comments.map(
    (
      c,
    ) => h`<li id="${c.commentId}"><div><strong>${name(c.by)}</strong> · ${t(`standards.role.${c.role}`)} · <span class="when">${t.dateTime(c.at)}</span> · ${t('standards.onRevision', { revision: c.revision })}</div>
<p class="wrap">${c.text}</p>
${c.proposal && !c.answer ? changeList(t, p.draft, c.proposal) : ''}
${c.proposal ? h`<details><summary>${t('standards.proposalShown')}</summary>${standardView(t, c.proposal)}</details>` : ''}
${c.answer ? h`<p><span class="badge">${t(`standards.answer.${c.answer.answer}`)}</span> ${name(c.answer.by)} · <span class="when">${t.dateTime(c.answer.at)}</span>${c.answer.reason ? h` · ${c.answer.reason}` : ''}${c.publishedIn ? h` · ${t('standards.inVersion', { version: c.publishedIn })}` : ''}</p>` : c.proposal ? h`<p class="bad-text">${t('standards.unanswered')}</p>` : ''}
${me.hr && c.proposal && !c.answer && round.status !== 'closed' ? answerForm(t, view, path, c.commentId) : ''}
</li>`,
  )}</ol></section>
${role ? commentPart(t, view, path, open) : ''}
${me.hr && round.status !== 'closed' ? publishForm(t, view, path) : ''}`;
}

function commentPart(t: Translate, view: PositionPageView, path: string, open: boolean): Html {
  if (!open) return notice('info', t('standards.windowOver'));
  if (view.edit === 'proposal')
    return editorForm(t, view, path, 'commentStandard', t('standards.sendProposal'), view.position.draft);
  return h`${commandForm(t, view.state, {
    action: path,
    type: 'commentStandard',
    submit: t('standards.sendComment'),
    fields: h`<h2>${t('standards.yourComment')}</h2>${textField(t, stateFor(view.state, 'commentStandard'), { name: 'text', label: t('standards.commentField'), kind: 'textarea' })}`,
  })}
<p><a href="${path}?edit=proposal#commentStandard-form">${t('standards.proposeChange')}</a></p>`;
}

/** A form with the standard's editor: the draft (HR, leader), a proposal (with its comment). */
function editorForm(
  t: Translate,
  view: PositionPageView,
  path: string,
  type: 'draftStandard' | 'commentStandard' | 'answerProposal',
  submit: string,
  start: PositionState['draft'],
  hidden: Record<string, string> = {},
): Html {
  const sent = stateFor(view.state, type);
  const state: FormState = sent ?? { type, values: valuesFromStandard(start), errors: {} };
  const id = type === 'draftStandard' ? 'draft-form' : `${type}-form`;
  const edit =
    type === 'draftStandard'
      ? 'draft'
      : type === 'commentStandard'
        ? 'proposal'
        : `answer:${hidden.commentId}`;
  const action = `${path}?edit=${encodeURIComponent(edit)}#${id}`;
  return h`<form method="post" action="${action}" class="card" id="${id}" novalidate>
<h2>${submit}</h2>
${state.formError ? h`<p class="notice error" role="alert">${state.formError}</p>` : ''}
${Object.keys(state.errors).length > 0 && !state.formError ? h`<p class="notice error" role="alert">${t('error.heading')}</p>` : ''}
<input type="hidden" name="type" value="${type}"><input type="hidden" name="_key" value="${state.values._key ?? newFormKey()}">
${Object.entries(hidden).map(([k, v]) => h`<input type="hidden" name="${k}" value="${v}">`)}
${type === 'commentStandard' ? textField(t, state, { name: 'text', label: t('standards.commentField'), kind: 'textarea' }) : ''}
${type === 'answerProposal' ? textField(t, state, { name: 'reason', label: t('standards.reason'), kind: 'textarea', optional: true }) : ''}
<p class="hint">${t(type === 'draftStandard' ? 'standards.draftHint' : 'standards.proposalHint')}</p>
${standardFields(t, state, action, view.measures)}
<div class="actions"><button type="submit">${submit}</button> <a href="${path}">${t('standards.cancelEdit')}</a></div>
</form>`;
}

function answerForm(t: Translate, view: PositionPageView, path: string, commentId: string): Html {
  const comment = view.position.comments.find((c) => c.commentId === commentId);
  if (view.edit === `answer:${commentId}` && comment?.proposal)
    return editorForm(t, view, path, 'answerProposal', t('standards.answerChanged'), comment.proposal, {
      commentId,
      answer: 'changed',
    });
  const mine =
    view.state?.type === 'answerProposal' && view.state.values.commentId === commentId ? view.state : null;
  const options = (['accepted', 'declined'] as const).map((a) => ({
    value: a,
    label: t(`standards.answer.${a}`),
  }));
  return h`${commandForm(t, mine, {
    action: `${path}#${commentId}`,
    type: 'answerProposal',
    submit: t('standards.answerSend'),
    hidden: { commentId },
    fields: h`${radioGroup(t, mine, { name: 'answer', legend: t('standards.answerLegend'), options })}
${textField(t, mine, { name: 'reason', label: t('standards.reason'), kind: 'textarea', optional: true, hint: t('standards.reasonHint') })}`,
  })}
<p><a href="${path}?edit=${encodeURIComponent(`answer:${commentId}`)}#answerProposal-form">${t('standards.answerWithChanges')}</a></p>`;
}

function publishForm(t: Translate, view: PositionPageView, path: string): Html {
  const p = view.position;
  const unanswered = p.comments.filter((c) => c.proposal && !c.answer).length;
  const next = (p.published?.version ?? 0) + 1;
  return h`<section class="card" aria-labelledby="publish"><h2 id="publish">${t('standards.publishTitle', { version: next })}</h2>
${
  unanswered > 0
    ? notice('info', t('standards.answerFirst', { count: unanswered }))
    : h`<p>${t('standards.publishHint')}</p>${raw(
        commandForm(t, view.state, {
          action: `${path}#publish`,
          type: 'publishStandard',
          submit: t('standards.publish', { version: next }),
        }),
      )}`
}</section>`;
}
