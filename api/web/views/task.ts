// One task: what it is about and the forms that complete it, one per command its kind takes (the
// domain's rule, domain/appraisal/task-commands.ts); a kind whose commands have no web form says so.
import { type CommandType, commandsForTask } from '../../../domain/appraisal/task-commands.ts';
import type { TaskKind } from '../../../domain/appraisal/types.ts';
import { qualifierOf } from '../../../domain/ids.ts';
import { ratings } from '../../../domain/rating/predikat.ts';
import { berakhlakValues } from '../../../domain/review/berakhlak.ts';
import type { FoundPerson } from '../../../record/read/cycle-people.ts';
import type { BoundReading } from '../../../record/read/measures.ts';
import type { Standards } from '../../../record/read/organisation.ts';
import {
  checkGroup,
  commandForm,
  type FormState,
  radioGroup,
  selectField,
  stateFor,
  textField,
} from '../forms.ts';
import { type Html, h, raw } from '../html.ts';
import type { Translate } from '../i18n/index.ts';
import { notice } from '../layout.ts';
import { indicatorTable } from './agreement.ts';
import { canObject, type MyAppraisal, objectionForm } from './appraisal.ts';
import { dueText, type InboxTask } from './inbox.ts';
import { amountText, targetText } from './skp-parts.ts';

export interface TaskView {
  task: InboxTask;
  /** Whose appraisal this is, when it is not mine. */
  ownerName: string | null;
  /** My own appraisal, when the task is on it. */
  appraisal: MyAppraisal | null;
  standards: Standards | null;
  state: FormState | null;
  now: Date;
  /** My unit's values of the measures my bound indicators read (record/read/measures.ts). */
  measures?: BoundReading[];
  /** Assigning peers: the search by name and whom it found (null before a search). */
  peers?: { q: string; found: FoundPerson[] | null };
}

export function taskBody(t: Translate, view: TaskView): Html {
  const { task } = view;
  const due = dueText(t, task.dueAt, view.now);
  return h`<p><a href="/app/inbox">← ${t('task.back')}</a></p>
${view.ownerName ? h`<p>${t('inbox.for', { name: view.ownerName })}</p>` : ''}
<p class="due">${t('due.label')}: <strong>${task.dueAt ? t.dateTime(task.dueAt) : ''}</strong> (${due.text}) · <span class="badge">${t(`step.${task.step}`)}</span></p>
${content(t, view)}`;
}

/** A task kind that takes no command and says why here; any other such kind says it has no web form. */
const infoWithoutCommands: Partial<Record<TaskKind, string>> = {
  // The supervisor is only told; the task closes when the employee acknowledges.
  escalateSocialisation: 'task.escalationInfo',
};

/** What a command's form needs: the page's view and the helpers bound to this task. */
interface FormKit {
  t: Translate;
  view: TaskView;
  /** The task's qualifier (a check-in's quarter). */
  q: string;
  action: string;
  /** `multipart`: a form that sends files (the realisation's evidence), still without any script. */
  form: (
    type: string,
    submit: string,
    fields?: Html,
    hidden?: Record<string, string>,
    multipart?: boolean,
  ) => Html;
  text: (type: string, name: string, label: string, optional?: boolean) => Html;
  ratingOptions: Array<{ value: string; label: string }>;
}

/**
 * The form of each command type a task can take, with what the person needs to see to send it. A task's
 * page shows the forms of its kind's commands (domain/appraisal/task-commands.ts), so a new task kind
 * that takes existing command types needs nothing here. Commands with a page of their own (the
 * agreement's and the check-in feedback's, agreement-routes.ts; the ratings', evaluation-routes.ts) have
 * none.
 */
const commandForms: Partial<Record<CommandType, (kit: FormKit) => Html>> = {
  // The version read is sent with the acknowledgement, so it records which one (409 if one came since).
  acknowledgeStandards: ({ t, view, form }) => {
    const s = view.standards;
    const version =
      s?.version != null
        ? { 'standard.positionCode': s.positionCode, 'standard.version': String(s.version) }
        : undefined;
    return h`${standards(t, s)}${form('acknowledgeStandards', t('action.acknowledgeStandards'), undefined, version)}`;
  },
  submitCheckIn: (kit) =>
    realisationForm(kit, 'submitCheckIn', kit.t(`quarter.${kit.q}`), { quarter: kit.q }),
  recordRealisation: (kit) =>
    realisationForm(kit, 'recordRealisation', kit.t(`periodName.${kit.q}`), { period: kit.q }),
  // Peers are picked by name: a search (GET), then a box for each person found.
  assignPeers: ({ t, view, form, action }) => {
    const peers = view.peers ?? { q: '', found: null };
    const search = h`<form method="get" action="${action}" class="card">
<label for="peerQ">${t('field.peerSearch')}</label>
<input type="text" id="peerQ" name="peerQ" value="${peers.q}" minlength="2" required autocomplete="off">
<div class="actions"><button type="submit" class="secondary">${t('changes.search')}</button></div>
</form>`;
    if (peers.found === null) return search;
    if (peers.found.length === 0) return h`${search}${notice('info', t('changes.noneFound'))}`;
    const options = peers.found.map((p) => ({ value: p.nip, label: `${p.name} · ${p.position}, ${p.unit}` }));
    const state = stateFor(view.state, 'assignPeers');
    const boxes = checkGroup(t, state, {
      name: 'peerNips',
      legend: t('field.peersPick'),
      options,
      hint: t('field.peersHint'),
    });
    return h`${search}${form('assignPeers', t('action.assignPeers'), boxes, { peerQ: peers.q })}`;
  },
  submitReview: ({ t, view, form }) =>
    form('submitReview', t('action.submitReview'), reviewFields(t, stateFor(view.state, 'submitReview'))),
  // The result being acknowledged, above the button.
  acknowledgeFeedback: ({ t, view, form }) => {
    const rating = view.appraisal?.rating;
    return h`${rating ? h`<div class="card"><p>${t('appraisal.predikat')}</p><p class="predikat">${t(`predikat.${rating.predikat}`)}</p><p>${rating.feedback}</p></div>` : ''}
${form('acknowledgeFeedback', t('action.acknowledgeFeedback'))}`;
  },
  fileObjection: ({ t, view, action }) => {
    const { appraisal, state } = view;
    return appraisal?.release && canObject(appraisal, view.now)
      ? objectionForm(t, state, action, appraisal.release.objectionDeadline)
      : h``;
  },
  decideObjection: ({ t, view, form, ratingOptions }) => {
    const s = stateFor(view.state, 'decideObjection');
    const decisions = ['upheld', 'changed'].map((d) => ({ value: d, label: t(`decision.${d}`) }));
    return form(
      'decideObjection',
      t('action.decideObjection'),
      h`${radioGroup(t, s, { name: 'decision', legend: t('field.decision'), options: decisions })}
${selectField(t, s, { name: 'results', label: t('field.results'), options: ratingOptions, optional: true })}
${selectField(t, s, { name: 'behaviour', label: t('field.behaviour'), options: ratingOptions, optional: true })}
${textField(t, s, { name: 'reason', label: t('field.reason'), kind: 'textarea' })}`,
    );
  },
  assignTraining: ({ t, form, text }) =>
    form(
      'assignTraining',
      t('action.assignTraining'),
      text('assignTraining', 'programme', t('field.programme')),
    ),
  recordGuidance: ({ t, form, text }) =>
    h`<p>${t('objection.pembinaanIntro')}</p>${form('recordGuidance', t('objection.guidanceSubmit'), text('recordGuidance', 'note', t('objection.guidanceNote')))}`,
  completeTraining: ({ t, form, text }) =>
    form(
      'completeTraining',
      t('action.completeTraining'),
      text('completeTraining', 'note', t('field.note'), true),
    ),
};

/** The realisation per indicator of the agreed SKP, with evidence: a quarter's check-in or a period's. */
function realisationForm(
  { t, view, form, q }: FormKit,
  type: 'submitCheckIn' | 'recordRealisation',
  title: string,
  hidden: Record<string, string>,
): Html {
  const { appraisal, state } = view;
  const agreed = appraisal?.agreement.versions.find((v) => v.version === appraisal.agreement.agreedVersion);
  const indicators = agreed?.rhk.flatMap((r) => r.indicators) ?? [];
  if (indicators.length === 0) return notice('info', t('task.notInWeb'));
  const s = stateFor(state, type);
  // The kuantitatif approach takes a number in the target's satuan; the page shows the achievement.
  const kuantitatif = appraisal?.skp?.approach === 'kuantitatif';
  return form(
    type,
    t(`action.${type}`),
    h`<h2>${title}</h2>${indicators.map(
      (
        ind,
        i,
      ) => h`<fieldset><legend>${ind.description} · ${t('indicator.target')}: ${targetText(t, ind)}</legend>
${
  kuantitatif
    ? raw(
        textField(t, s, {
          name: `realisations.${i}.amount`,
          label: t('field.amount', { satuan: ind.satuan ?? '' }),
          ...measured(t, view.measures, ind.id, q),
        })
          .toString()
          .replace('<input type="text"', '<input type="text" inputmode="decimal"'),
      )
    : textField(t, s, {
        name: `realisations.${i}.value`,
        label: t('field.realisation'),
        ...measured(t, view.measures, ind.id, q, true),
      })
}
${
  kuantitatif && ind.measureCode
    ? textField(t, s, {
        name: `realisations.${i}.value`,
        label: t('measure.note'),
        hint: t('measure.noteHint'),
        kind: 'textarea',
        optional: true,
      })
    : ''
}
${textField(t, s, { name: `realisations.${i}.evidenceUrl`, label: t('field.evidenceUrl'), optional: true, hint: t('field.evidenceUrlHint') })}
${textField(t, s, { name: `realisations.${i}.evidence`, label: t('field.evidence'), optional: true })}
${evidenceFileField(t, s, `realisations.${i}.evidenceFile`)}
<input type="hidden" name="realisations.${i}.indicatorId" value="${ind.id}"></fieldset>`,
    )}`,
    hidden,
    true,
  );
}

/** A photo or a PDF as evidence: the file input, with its error (too large, a wrong kind) when refused. */
function evidenceFileField(t: Translate, s: FormState | null, name: string): Html {
  const field = textField(t, s, {
    name,
    label: t('field.evidenceFile'),
    optional: true,
    hint: t('field.evidenceFileHint'),
  });
  return raw(
    field
      .toString()
      .replace('<input type="text"', '<input type="file" accept="image/png,image/jpeg,application/pdf"')
      .replace(' value="">', '>'),
  );
}

/**
 * A bound indicator's number (or, in words, the number and its satuan), pre-filled with my unit's value
 * of the measure for the period, and a hint saying where it comes from; another number is an override.
 */
function measured(
  t: Translate,
  measures: readonly BoundReading[] | undefined,
  indicatorId: string,
  period: string,
  inWords = false,
): { value?: string; hint?: string } {
  const reading = measures?.find((m) => m.indicatorId === indicatorId && m.period === period);
  if (!reading) return {};
  const amount = amountText(t, reading.value);
  return {
    value: inWords && reading.satuan ? `${amount} ${reading.satuan}` : amount,
    hint: t('measure.prefilled', { source: reading.source, time: t.dateTime(reading.recordedAt) }),
  };
}

function content(t: Translate, view: TaskView): Html {
  const { task, state } = view;
  const commands = commandsForTask(task.kind);
  if (commands.length === 0) {
    const info = Object.hasOwn(infoWithoutCommands, task.kind)
      ? infoWithoutCommands[task.kind as TaskKind]
      : undefined;
    return notice('info', t(info ?? 'task.notInWeb'));
  }
  const action = `/app/tasks/${encodeURIComponent(task.taskId)}`;
  const kit: FormKit = {
    t,
    view,
    q: qualifierOf(task.taskId) ?? '',
    action,
    form: (type, submit, fields, hidden, multipart) =>
      commandForm(t, state, {
        action,
        type,
        submit,
        ...(fields ? { fields } : {}),
        ...(hidden ? { hidden } : {}),
        secondary: false,
        ...(multipart ? { multipart } : {}),
      }),
    text: (type, name, label, optional = false) =>
      textField(t, stateFor(state, type), { name, label, kind: 'textarea', optional }),
    ratingOptions: ratings.map((r) => ({ value: r, label: t(`rating.${r}`) })),
  };
  const forms = commands.flatMap((type) => {
    const render = commandForms[type];
    return render ? [render(kit)] : [];
  });
  if (forms.length === 0) return notice('info', t('task.notInWeb'));
  // One form a line, as the page has always been laid out (each is escaped already).
  return raw(forms.join('\n'));
}

function standards(t: Translate, s: Standards | null): Html {
  if (!s) return h`<p>${t('standards.none')}</p>`;
  return h`<section class="card" aria-labelledby="standards"><h2 id="standards">${t('standards.title')}</h2>
<dl class="facts"><dt>${t('standards.position')}</dt><dd>${s.position}</dd><dt>${t('standards.unit')}</dt><dd>${s.unit}</dd>${s.version != null ? h`<dt>${t('standards.versionLabel')}</dt><dd>${t('standards.versionNumber', { version: s.version })}</dd>` : ''}</dl>
<h3>${t('standards.duties')}</h3>
${s.duties.length ? h`<ul>${s.duties.map((d) => h`<li>${d}</li>`)}</ul>` : h`<p>${t('standards.none')}</p>`}
<h3>${t('standards.indicators')}</h3>
${s.indicators.length ? indicatorTable(t, s.indicators) : h`<p>${t('standards.none')}</p>`}
</section>`;
}

function reviewFields(t: Translate, state: FormState | null): Html {
  const scale = [1, 2, 3, 4, 5].map((n) => ({ value: String(n), label: String(n), spoken: t(`score.${n}`) }));
  return h`<fieldset${raw(state?.errors.scores ? ' aria-invalid="true"' : '')}><legend>${t('field.scores')}</legend>
<p class="hint">${t('field.scoresHint')}</p>
<ol class="scale" aria-hidden="true"><li><strong>–</strong> ${t('field.skip')}</li>${[1, 2, 3, 4, 5].map((n) => h`<li><strong>${n}</strong> ${t(`score.${n}`)}</li>`)}</ol>
${state?.errors.scores ? h`<p class="field-error" role="alert">${t(state.errors.scores)}</p>` : ''}
${berakhlakValues.map((v) =>
  radioGroup(t, state, {
    name: `scores.${v}`,
    legend: t(`berakhlak.${v}`),
    options: [{ value: '', label: '–', spoken: t('field.skip') }, ...scale],
    compact: true,
  }),
)}</fieldset>
${textField(t, state, { name: 'comment', label: t('field.comment'), kind: 'textarea', optional: true })}`;
}
