// The standards page: HR starts a round (the window's last day and the positions, picked by name) and
// closes it; everyone sees the round's positions they take part in (HR all of them), with what waits for
// them, and the earlier rounds. Times are shown in the organisation's zone.
import type { RoundPosition } from '../../../domain/standards/events.ts';
import type { PositionState, RoundState } from '../../../domain/standards/state.ts';
import type { RoundSummary } from '../../../record/read/standards.ts';
import { commandForm, type FormState, stateFor, textField } from '../forms.ts';
import { type Html, h, raw } from '../html.ts';
import type { Translate } from '../i18n/index.ts';
import { notice } from '../layout.ts';
import { positionPath } from './standard-position.ts';

export interface StandardsPageView {
  rounds: RoundSummary[];
  /** The round shown: the one asked for, else the latest. */
  round: (Omit<RoundState, 'positions'> & { positions: PositionState[] }) | null;
  me: { nip: string; hr: boolean };
  /** HR, with no round open: the positions a new round may take. */
  candidates: RoundPosition[] | null;
  state: FormState | null;
  flash: 'started' | 'closed' | null;
}

export function standardsBody(t: Translate, view: StandardsPageView): Html {
  const { round } = view;
  return h`${view.flash ? notice('ok', t(`standards.flash.${view.flash}`)) : ''}
<p class="hint">${t('standards.intro')}</p>
${view.candidates ? startForm(t, view.candidates, view.state) : ''}
${round ? roundSection(t, view, round) : view.candidates ? '' : h`<p class="card muted">${t('standards.noRound')}</p>`}
${view.rounds.length > 1 || (view.rounds.length === 1 && view.rounds[0]?.roundId !== round?.roundId) ? history(t, view) : ''}`;
}

function startForm(t: Translate, candidates: RoundPosition[], state: FormState | null): Html {
  const mine = stateFor(state, 'startRound');
  const chosen = mine ? new Set((mine.values.positionCodes ?? '').split(',').filter(Boolean)) : null;
  return commandForm(t, state, {
    action: '/app/standards/start',
    type: 'startRound',
    submit: t('standards.start'),
    fields: h`<h2>${t('standards.startTitle')}</h2>
<p class="hint">${t('standards.startHint')}</p>
${textField(t, mine, { name: 'until', label: t('standards.untilField'), kind: 'date', hint: t('standards.untilHint', { zone: t.timeZone }) })}
<fieldset${raw(mine?.errors.positionCodes ? ' aria-invalid="true"' : '')}><legend>${t('standards.positionsField')}</legend>
${mine?.errors.positionCodes ? h`<p class="field-error" role="alert">${t(mine.errors.positionCodes)}</p>` : ''}
<div class="checks">${candidates.map(
      (p) =>
        h`<label><input type="checkbox" name="positionCodes" value="${p.positionCode}"${raw(!chosen || chosen.has(p.positionCode) ? ' checked' : '')}> ${p.name} <span class="muted">(${t('standards.peopleCount', { count: p.participants.filter((x) => x.role === 'holder').length })}${p.baseVersion ? ` · ${t('standards.versionNumber', { version: p.baseVersion })}` : ''})</span></label>`,
    )}</div></fieldset>`,
  });
}

function roundSection(
  t: Translate,
  view: StandardsPageView,
  round: NonNullable<StandardsPageView['round']>,
): Html {
  const { me } = view;
  const taskOf = (p: PositionState) =>
    Object.values(round.tasks).find((x) => x.positionCode === p.positionCode && x.assigneeNip === me.nip);
  return h`<section aria-labelledby="round"><h2 id="round">${t('standards.roundTitle', { n: round.roundId.replace(/^.*standards-/, '') })}</h2>
<p>${t('standards.until', { deadline: t.dateTime(round.deadline) })} · <span class="badge">${t(`standards.status.${round.status}`)}</span></p>
${round.positions.length === 0 ? h`<p class="card muted">${t('standards.notInRound')}</p>` : ''}
<ul class="tasks">${round.positions.map((p) => {
    const task = taskOf(p);
    const unanswered = p.comments.filter((c) => c.proposal && !c.answer).length;
    const role = p.participants.find((x) => x.nip === me.nip)?.role;
    return h`<li class="${task?.status === 'open' ? '' : 'muted'}"><a href="${positionPath(round.roundId, p.positionCode)}">${p.name}</a>
<div class="due">${role ? h`${t(`standards.role.${role}`)} · ` : ''}${p.leaderNips.includes(me.nip) ? h`${t('standards.role.leader')} · ` : ''}${t('standards.commentsCount', { count: p.comments.length })}${me.hr && unanswered ? h` · <strong class="bad-text">${t('standards.unansweredCount', { count: unanswered })}</strong>` : ''} · ${p.versions.length ? t('standards.versionNumber', { version: p.versions.at(-1)?.version ?? '' }) : t('standards.notPublishedYet')}${task ? h` · ${t(`standards.task.${task.status}`)}` : ''}</div></li>`;
  })}</ul>
${
  me.hr && round.status !== 'closed'
    ? commandForm(t, view.state, {
        action: `/app/standards/${encodeURIComponent(round.roundId)}/close`,
        type: 'closeRound',
        submit: t('standards.close'),
        secondary: true,
        fields: h`<p class="hint">${t('standards.closeHint')}</p>`,
      })
    : ''
}</section>`;
}

function history(t: Translate, view: StandardsPageView): Html {
  return h`<section aria-labelledby="rounds"><h2 id="rounds">${t('standards.rounds')}</h2>
<ul>${view.rounds.map(
    (r) =>
      h`<li><a href="/app/standards?round=${encodeURIComponent(r.roundId)}">${t('standards.roundTitle', { n: r.roundId.replace(/^.*standards-/, '') })}</a> · ${t('standards.until', { deadline: t.dateTime(r.deadline) })} · ${t(`standards.status.${r.status}`)}</li>`,
  )}</ul></section>`;
}
