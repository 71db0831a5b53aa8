// The supervisor's team: each direct report with the step their appraisal is in and its open tasks;
// the tasks that are the supervisor's own link to their page. SKPs the employee has signed are listed
// first, to sign several at once (one outcome each, shown after).

import type { TeamMember } from '../../../record/read/people.ts';
import { type Html, h } from '../html.ts';
import type { Translate } from '../i18n/index.ts';
import { notice } from '../layout.ts';
import { dueText } from './inbox.ts';
import { employmentLine } from './person-facts.ts';

export interface TeamView {
  team: TeamMember[];
  me: string;
  /** NIP → name of other assignees (peers, reviewers). */
  names: ReadonlyMap<string, string>;
  now: Date;
  /** The bulk signing form's key. */
  formKey?: string;
  /** After a bulk signing: each task's outcome. */
  signed?: Array<{ taskId: string; outcome: 'signed' | 'refused'; code?: string; reason?: string }>;
}

export function teamBody(t: Translate, view: TeamView): Html {
  if (view.team.length === 0) return notice('info', t('team.none'));
  const waiting = view.team.reduce((n, m) => n + m.tasks.filter((x) => x.assigneeNip === view.me).length, 0);
  return h`<p>${t('team.count', { count: view.team.length })} · ${t('team.waitingForMe', { count: waiting })}</p>
${signedList(t, view)}${readyToSign(t, view)}
<ul class="team" style="list-style:none;padding:0">${view.team.map((m) => member(t, view, m))}</ul>`;
}

function member(t: Translate, view: TeamView, m: TeamMember): Html {
  const who = (nip: string | null, role: string) =>
    nip === view.me
      ? t('team.you')
      : nip === m.nip
        ? m.name
        : nip
          ? (view.names.get(nip) ?? nip)
          : t(`team.role.${role === 'hr' ? 'hr' : 'other'}`);
  // The name opens the person's appraisal of the latest cycle (their evaluation file), when there is one.
  const name = m.appraisal
    ? h`<a href="/app/team/appraisals/${encodeURIComponent(m.appraisal.appraisalId)}">${m.name}</a>`
    : m.name;
  return h`<li class="card" aria-labelledby="m-${m.nip}"><h2 id="m-${m.nip}">${name}</h2>
<p class="muted">${m.position} · ${t(`people.number.${m.employmentStatus}`)} ${m.nip}<br><span data-employment>${employmentLine(t, m)}</span></p>
${
  m.appraisal
    ? h`<p>${t('team.step')}: <span class="badge">${t(`step.${m.appraisal.step}`)}</span>${m.appraisal.deadline ? h` · ${t('appraisal.deadline', { date: t.dateTime(m.appraisal.deadline) })}` : ''}</p>`
    : h`<p>${t('team.noAppraisal')}</p>`
}
${
  m.tasks.length === 0
    ? m.appraisal
      ? h`<p class="muted">${t('team.noTasks')}</p>`
      : ''
    : h`<h3>${t('team.openTasks')}</h3><ul>${m.tasks.map((x) => {
        const mine = x.assigneeNip === view.me;
        const label = t(`task.${x.kind}`);
        const due = x.dueAt
          ? h` · ${t('due.label')}: ${t.date(x.dueAt)} (${dueText(t, x.dueAt, view.now).text})`
          : '';
        return h`<li>${mine ? h`<a href="/app/tasks/${encodeURIComponent(x.taskId)}">${label}</a>` : label} · ${t('team.assignee', { name: who(x.assigneeNip, x.assigneeRole) })}${due}</li>`;
      })}</ul>`
}</li>`;
}

/** The SKPs waiting for my signature only (the employee signed): each one's box, name and a link to read it. */
function readyToSign(t: Translate, view: TeamView): Html {
  const ready = view.team.flatMap((m) =>
    m.tasks.filter((x) => x.kind === 'signAgreement' && x.assigneeNip === view.me).map((x) => ({ m, x })),
  );
  if (ready.length === 0) return h``;
  return h`<section class="card" aria-labelledby="ready-to-sign"><h2 id="ready-to-sign">${t('team.readyToSign')}</h2>
<p class="hint">${t('team.readyHint')}</p>
<form method="post" action="/app/team/sign" id="bulk-sign">
<input type="hidden" name="_key" value="${view.formKey ?? ''}">
<ul class="plain">${ready.map(
    ({ m, x }) =>
      h`<li><label class="check"><input type="checkbox" name="task" value="${x.taskId}"> ${m.name}</label> <a href="/app/tasks/${encodeURIComponent(x.taskId)}">${t('team.readSkp')}</a></li>`,
  )}</ul>
<div class="actions"><button type="submit">${t('team.signSelected')}</button></div>
</form></section>`;
}

function signedList(t: Translate, view: TeamView): Html {
  if (!view.signed) return h``;
  const nameOf = (taskId: string) => {
    const nip = /\.(\d{18}):/.exec(taskId)?.[1];
    return view.team.find((m) => m.nip === nip)?.name ?? taskId;
  };
  const signed = view.signed.filter((r) => r.outcome === 'signed').length;
  const kind = signed === view.signed.length ? 'ok' : 'error';
  return h`<div class="notice ${kind}" role="status" id="bulk-sign-results"><p>${t('team.signedCount', { signed, total: view.signed.length })}</p>
<ul>${view.signed.map((r) => h`<li>${nameOf(r.taskId)}: ${r.outcome === 'signed' ? t('team.signedOne') : t('team.refusedOne', { reason: r.reason ?? r.code ?? '' })}</li>`)}</ul></div>`;
}
