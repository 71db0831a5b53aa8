// The supervisor's team: each direct report with the step their appraisal is in and its open tasks;
// the tasks that are the supervisor's own link to their page.

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
}

export function teamBody(t: Translate, view: TeamView): Html {
  if (view.team.length === 0) return notice('info', t('team.none'));
  const waiting = view.team.reduce((n, m) => n + m.tasks.filter((x) => x.assigneeNip === view.me).length, 0);
  return h`<p>${t('team.count', { count: view.team.length })} · ${t('team.waitingForMe', { count: waiting })}</p>
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
  return h`<li class="card" aria-labelledby="m-${m.nip}"><h2 id="m-${m.nip}">${m.name}</h2>
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
