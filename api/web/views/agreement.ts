// The SKP agreement as people need to see it before they sign: every proposed version (newest first,
// older ones folded), each RHK with its group, perspektif (JPT form) or cascade to the supervisor's RHK
// (JA/JF form) and its indicators as the approach writes them, the perilaku kerja with the ekspektasi
// khusus pimpinan and the lampiran, the comments on each version and who has signed the current one.
// Used on the agreement task pages and "my appraisal".
import type { SkpSetting } from '../../../domain/appraisal/skp.ts';
import type { AppraisalState } from '../../../domain/appraisal/state.ts';
import { taskTakes } from '../../../domain/appraisal/task-commands.ts';
import { parseVersionQualifier, qualifierOf, taskIdFor, versionQualifier } from '../../../domain/ids.ts';
import type { Parties } from '../../../record/read/people.ts';
import { commandForm, type FormState, stateFor, textField } from '../forms.ts';
import { type Html, h } from '../html.ts';
import type { Translate } from '../i18n/index.ts';
import { notice } from '../layout.ts';
import { dueText, type InboxTask } from './inbox.ts';
import { partiesCard } from './person-facts.ts';
import {
  type IndicatorLike,
  lampiranSection,
  perilakuSection,
  settingLine,
  indicatorTable as skpIndicatorTable,
} from './skp-parts.ts';

export type Agreement = AppraisalState['agreement'];
type Version = Agreement['versions'][number];

export interface HistoryOptions {
  /** The supervisor's own RHK by id, to name the one each RHK is cascaded from. */
  parents?: ReadonlyMap<string, string>;
  /** NIP → name of the people who proposed, commented and signed. */
  names?: ReadonlyMap<string, string>;
  /** My open review task on the latest version, linked from it ("my appraisal"). */
  reviewTaskId?: string | null;
  /** The SKP's form and approach; none for an appraisal of before (one shape, no perilaku or lampiran). */
  setting?: SkpSetting | null;
  /** The employee and the rater as the SKP heads them (the task pages show them on top). */
  parties?: Parties;
}

/** The employee's open review task on the latest version, if the SKP waits for their signature or comment. */
export function openReviewTask(a: {
  appraisalId: string;
  step: string;
  agreement: Agreement;
}): string | null {
  const latest = a.agreement.versions.at(-1)?.version;
  // A version the employee drafted is reviewed by the supervisor.
  const waiting =
    a.agreement.versions.at(-1)?.role !== 'employee' &&
    a.step === 'agreement' &&
    latest !== undefined &&
    a.agreement.agreedVersion === null &&
    a.agreement.signatures.employee !== latest &&
    !a.agreement.comments.some((c) => c.version === latest);
  return waiting ? taskIdFor(a.appraisalId, 'reviewIndicators', versionQualifier(latest)) : null;
}

export function agreementHistory(t: Translate, a: Agreement, o: HistoryOptions = {}): Html {
  if (a.versions.length === 0) return h`${settingLine(t, o.setting)}<p>${t('appraisal.noSkp')}</p>`;
  const [latest, ...older] = [...a.versions].reverse();
  return h`${settingLine(t, o.setting)}${a.missed ? notice('info', t('skp.missed')) : ''}
${versionCard(t, a, latest!, o, true)}
${o.reviewTaskId ? h`<p><a class="button" href="/app/tasks/${encodeURIComponent(o.reviewTaskId)}">${t('skp.reviewNow', { version: latest!.version })}</a></p>` : ''}
${older.map(
  (
    v,
  ) => h`<details class="card" id="skp-v${v.version}"><summary>${t('appraisal.version', { version: v.version })} · ${t('appraisal.proposedAt', { date: t.dateTime(v.at) })} · ${t('skp.superseded')}</summary>
${versionContent(t, a, v, o)}</details>`,
)}`;
}

function versionCard(t: Translate, a: Agreement, v: Version, o: HistoryOptions, latest: boolean): Html {
  const agreed = a.agreedVersion === v.version;
  const signed = (version: number | null) => (version === v.version ? t('skp.signed') : t('status.notYet'));
  return h`<article class="card" id="skp-v${v.version}" aria-labelledby="skp-v${v.version}-title">
<h3 id="skp-v${v.version}-title">${t('appraisal.version', { version: v.version })}${agreed ? h` <span class="badge">${t('appraisal.agreed')}</span>` : latest ? h` <span class="badge">${t('skp.latest')}</span>` : ''}</h3>
${versionContent(t, a, v, o)}
${
  latest
    ? h`<h4>${t('appraisal.signatures')}</h4><dl class="facts"><dt>${t('role.employee')}</dt><dd>${signed(a.signatures.employee)}</dd>
<dt>${t('role.supervisor')}</dt><dd>${signed(a.signatures.supervisor)}</dd></dl>`
    : ''
}</article>`;
}

function versionContent(t: Translate, a: Agreement, v: Version, o: HistoryOptions): Html {
  const comments = a.comments.filter((c) => c.version === v.version);
  // Without names (my own appraisal), the roles say enough: the author proposes, the other party comments.
  const who = (nip: string, role: string) => o.names?.get(nip) ?? t(role);
  const author = v.role ?? 'supervisor';
  const reviewer = author === 'employee' ? 'supervisor' : 'employee';
  // The JPT form lists its groups in the regulation's order: utama, instruksi khusus, tambahan.
  const order = ['utama', 'instruksiKhusus', 'tambahan'];
  const rhk =
    o.setting?.form === 'jpt'
      ? [...v.rhk].sort((x, y) => order.indexOf(x.kind) - order.indexOf(y.kind))
      : v.rhk;
  return h`<p class="muted">${t('skp.proposedBy', { name: who(v.by, `role.${author}`), date: t.dateTime(v.at) })}</p>
${rhk.map(
  (
    r,
    i,
  ) => h`<section aria-label="${t('skp.rhkNumber', { n: i + 1 })}"><h4>${t(`appraisal.rhk.${r.kind}`)}: ${r.description}</h4>
${r.perspektif ? h`<p class="muted">${t('skp.perspektif')}: ${t(`perspektif.${r.perspektif}`)}</p>` : ''}
${r.parentRhkId ? h`<p class="muted">${t('skp.cascadedFrom', { rhk: o.parents?.get(r.parentRhkId) ?? r.parentRhkId })}</p>` : ''}
${indicatorTable(t, r.indicators)}</section>`,
)}
${o.setting ? h`${perilakuSection(t, v.ekspektasi)}${lampiranSection(t, v.lampiran)}` : ''}
${
  comments.length > 0
    ? h`<h4>${t('appraisal.comments')}</h4><ul>${comments.map((c) => h`<li><strong>${who(c.by, `role.${reviewer}`)}</strong>, ${t.dateTime(c.at)}: ${c.comment}</li>`)}</ul>`
    : ''
}`;
}

/** The head of every task page: back link, whose appraisal, due date and step; the SKP's parties if given. */
export function taskHead(
  t: Translate,
  task: InboxTask,
  ownerName: string | null,
  now: Date,
  parties?: Parties,
): Html {
  const due = dueText(t, task.dueAt, now);
  return h`<p><a href="/app/inbox">← ${t('task.back')}</a></p>
${ownerName ? h`<p>${t('inbox.for', { name: ownerName })}</p>` : ''}
<p class="due">${t('due.label')}: <strong>${task.dueAt ? t.dateTime(task.dueAt) : ''}</strong> (${due.text}) · <span class="badge">${t(`step.${task.step}`)}</span></p>
${parties ? partiesCard(t, parties) : ''}`;
}

export interface AgreementTaskView {
  task: InboxTask;
  ownerName: string | null;
  agreement: Agreement | null;
  history: HistoryOptions;
  state: FormState | null;
  now: Date;
}

/** reviewIndicators (the employee: sign or comment) and signAgreement (the supervisor: sign). */
export function agreementTaskBody(t: Translate, view: AgreementTaskView): Html {
  const { task, agreement, state } = view;
  const version = parseVersionQualifier(qualifierOf(task.taskId)) ?? 1;
  const action = `/app/tasks/${encodeURIComponent(task.taskId)}`;
  const hidden = { version: String(version) };
  // The reviewer of a proposal may comment instead of signing: the employee, or the supervisor when the
  // employee drafted it (the page is the employee's own when it names nobody else).
  const review = taskTakes(task.kind, 'commentIndicators');
  const mine = view.ownerName === null;
  const intro = review
    ? mine
      ? 'skp.reviewIntro'
      : 'skp.reviewIntroSupervisor'
    : mine
      ? 'skp.signIntroEmployee'
      : 'skp.signIntro';
  return h`${taskHead(t, task, view.ownerName, view.now, view.history.parties)}
<p>${t(intro)}</p>
<section aria-labelledby="skp-history"><h2 id="skp-history">${t('appraisal.skp')}</h2>
${agreement ? agreementHistory(t, agreement, view.history) : h`<p>${t('appraisal.noSkp')}</p>`}</section>
${commandForm(t, state, { action, type: 'signAgreement', submit: t('action.signAgreement', { version }), hidden })}
${
  review
    ? commandForm(t, state, {
        action,
        type: 'commentIndicators',
        submit: t('action.commentIndicators'),
        hidden,
        secondary: true,
        fields: textField(t, stateFor(state, 'commentIndicators'), {
          name: 'comment',
          label: t('field.comment'),
          kind: 'textarea',
          hint: t('field.commentHint'),
        }),
      })
    : ''
}`;
}

/** The indicators of an SKP's RHK (or of the standards), as a table: views/skp-parts.ts. */
export function indicatorTable(t: Translate, indicators: readonly IndicatorLike[]): Html {
  return skpIndicatorTable(t, indicators);
}
