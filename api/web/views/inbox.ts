// The inbox: my open tasks by due date, mine first, then grouped by the employee whose appraisal each is
// on. The list is its own fragment, so the live feed (SSE) can ask
// for a fresh copy when a notification arrives, without reloading the page.
import { parseAppraisalId } from '../../../domain/ids.ts';
import { localDaysBetween } from '../../../domain/time/zones.ts';
import { type Html, h, raw } from '../html.ts';
import type { Translate } from '../i18n/index.ts';
import { notice } from '../layout.ts';

export interface InboxTask {
  taskId: string;
  appraisalId: string;
  kind: string;
  step: string;
  dueAt: string | null;
}

/** A unit's penetapan waiting for the reader's signature: a task of the cycle, not of an appraisal. */
export interface InboxPenetapan {
  cycleId: string;
  unitCode: string;
  unitName: string;
  stage: string;
  deadline: Date;
  /** An evaluation period's penetapan (TW1 ...); absent: the year's. */
  period?: string;
}

export interface InboxView {
  tasks: InboxTask[];
  /** The penetapan the reader holds (their unit's, passed to them, or HR's), with the tasks by due time. */
  penetapan?: InboxPenetapan[];
  /** NIP → name, for tasks on someone else's appraisal. */
  names: Map<string, string>;
  me: string;
  now: Date;
  /** Live feed position at render time (SSE Last-Event-ID). */
  feedPosition: string;
  done?: boolean;
}

/** The NIP of the employee an appraisal is of. */
export const ownerOf = (appraisalId: string) => parseAppraisalId(appraisalId)?.nip ?? '';

export function dueText(t: Translate, dueAt: string | null, now: Date): { text: string; overdue: boolean } {
  if (!dueAt) return { text: t('inbox.noDue'), overdue: false };
  const due = new Date(dueAt);
  // Days as the reader counts them, in their organisation's zone: "tomorrow" is the next day on the wall
  // clock, not 24 hours away.
  const days = localDaysBetween(now, due, t.timeZone);
  if (due.getTime() < now.getTime())
    return { text: t('due.overdue', { n: Math.max(1, -days) }), overdue: true };
  const when = days === 0 ? t('due.today') : days === 1 ? t('due.tomorrow') : t('due.inDays', { n: days });
  return { text: when, overdue: false };
}

export function taskList(t: Translate, view: Omit<InboxView, 'feedPosition'>): Html {
  const penetapan = view.penetapan ?? [];
  const count = view.tasks.length + penetapan.length;
  if (count === 0) return h`<p class="card muted" data-empty>${t('inbox.empty')}</p>`;
  // My own tasks and the penetapan I hold first, by due time (an undated task last); then one group per
  // employee whose appraisal asks something of me (a supervisor's team), each in the order of its earliest
  // due task, the tasks by due date within it.
  const mine = view.tasks.filter((task) => {
    const owner = ownerOf(task.appraisalId);
    return !owner || owner === view.me;
  });
  const groups = new Map<string, InboxTask[]>();
  for (const task of view.tasks) {
    const owner = ownerOf(task.appraisalId);
    if (owner && owner !== view.me) groups.set(owner, [...(groups.get(owner) ?? []), task]);
  }
  const own = [
    ...mine.map((task) => ({ due: task.dueAt, html: taskItem(t, view, task) })),
    ...penetapan.map((p) => ({ due: p.deadline.toISOString(), html: penetapanItem(t, p, view.now) })),
  ].sort((a, b) => (a.due ?? '\uffff').localeCompare(b.due ?? '\uffff'));
  const ownList = h`<ul class="tasks">${own.map((e) => e.html)}</ul>`;
  const items = (tasks: InboxTask[]) =>
    h`<ul class="tasks">${tasks.map((task) => taskItem(t, view, task))}</ul>`;
  return h`<p class="muted">${t('inbox.count', { count })}</p>
${own.length > 0 ? (groups.size > 0 ? h`<h2 class="group">${t('inbox.mine')}</h2>${ownList}` : ownList) : ''}
${[...groups].map(([owner, tasks]) => {
  const name = view.names.get(owner) ?? owner;
  return h`<section class="task-group" data-owner="${owner}" aria-label="${t('inbox.for', { name })}"><h2 class="group">${t('inbox.for', { name })} <span class="badge">${String(tasks.length)}</span></h2>${items(tasks)}</section>`;
})}`;
}

function penetapanItem(t: Translate, p: InboxPenetapan, now: Date): Html {
  const due = dueText(t, p.deadline.toISOString(), now);
  const query = p.period ? `&period=${encodeURIComponent(p.period)}` : '';
  const href = `/app/penetapan?cycle=${encodeURIComponent(p.cycleId)}&unit=${encodeURIComponent(p.unitCode)}${query}#case`;
  const unit = `${p.unitName} (${p.unitCode})`;
  return h`<li class="${due.overdue ? 'overdue' : ''}" data-penetapan="${p.cycleId}/${p.unitCode}${p.period ? `/${p.period}` : ''}">
<a href="${href}">${p.period ? t('inbox.periodPenetapan', { unit, period: p.period }) : t('inbox.penetapan', { unit })}</a>
<div>${t(`penetapan.stage.${p.stage}`)}</div>
<div class="due">${t('due.label')}: <strong>${t.dateTime(p.deadline)}</strong> (${due.text}) · <span class="badge">${t('nav.penetapan')}</span></div>
</li>`;
}

function taskItem(t: Translate, view: Omit<InboxView, 'feedPosition'>, task: InboxTask): Html {
  const due = dueText(t, task.dueAt, view.now);
  return h`<li class="${due.overdue ? 'overdue' : ''}" data-task="${task.taskId}">
<a href="/app/tasks/${encodeURIComponent(task.taskId)}">${t(`task.${task.kind}`)}</a>
<div class="due">${t('due.label')}: <strong>${task.dueAt ? t.dateTime(task.dueAt) : ''}</strong> (${due.text}) · <span class="badge">${t(`step.${task.step}`)}</span></div>
</li>`;
}

export function inboxBody(t: Translate, view: InboxView): Html {
  return h`${view.done ? notice('ok', t('flash.done')) : ''}
<p class="muted">${t('inbox.live')}</p>
<div id="task-list" aria-live="polite" data-src="/app/inbox/list" data-events="/app/events?lastEventId=${encodeURIComponent(view.feedPosition)}">
${taskList(t, view)}
</div>
<script>${raw(liveScript)}</script>`;
}

// Progressive enhancement: without script the page is complete; with it, a notification on the live
// feed fetches the list again (debounced, as a burst of tasks often arrives together).
const liveScript = `(() => {
  const list = document.getElementById('task-list');
  if (!list || !window.EventSource) return;
  const feed = new EventSource(list.dataset.events);
  let timer;
  feed.addEventListener('notification', () => {
    clearTimeout(timer);
    timer = setTimeout(async () => {
      const response = await fetch(list.dataset.src, { credentials: 'same-origin' });
      if (response.ok) list.innerHTML = await response.text();
    }, 250);
  });
})();`;
