// The keberatan pages: the superior's case (the reasons, the rating objected to with the rater's feedback,
// the explanations asked with their due times in the organisation's zone, the evaluation file), the forms
// to ask and to decide (HR's with the decision letter where the superior is outside siklus), the page of
// whoever is asked to explain, and the decision's reasons on the employee's page. In both languages,
// without a missing key, an unfilled placeholder or the other language.
import { describe, expect, it } from 'vitest';
import { parseCommand } from '../../../api/web/forms.ts';
import { catalogues, languages, translator } from '../../../api/web/i18n/index.ts';
import { page } from '../../../api/web/layout.ts';
import {
  decideObjectionBody,
  explainObjectionBody,
  type ObjectionTaskView,
  objectionOutcome,
} from '../../../api/web/views/objection.ts';
import { taskBody } from '../../../api/web/views/task.ts';
import type { AppraisalCommand } from '../../../domain/appraisal/commands.ts';
import { decide } from '../../../domain/appraisal/decide.ts';
import { evaluationFile } from '../../../domain/appraisal/evaluation-file.ts';
import type { AppraisalState } from '../../../domain/appraisal/state.ts';
import * as transitions from '../../../domain/appraisal/transitions.ts';
import type { Actor } from '../../../domain/appraisal/types.ts';
import type { EvaluationFileRead } from '../../../record/read/evaluation-file.ts';
import { actor, fold, nips, ratedAppraisal } from '../../domain/appraisal/fixtures.ts';
import { evaluationLog, nameOf } from '../../support/evaluation-log.ts';

const zone = 'Asia/Jakarta';
const now = new Date('2026-03-06T02:00:00.000Z');
const act = (s: AppraisalState, who: Actor, command: AppraisalCommand, at: string) =>
  fold(s, decide(s, command, { actor: who, now: at, timeZone: zone }));

function objected(superiorNip: string | null): AppraisalState {
  const rating = { results: 'sesuai', behaviour: 'diBawah', feedback: 'Sering terlambat apel' } as const;
  const rated = ratedAppraisal(rating, { superiorNip }).state;
  const out = fold(rated, transitions.release(rated, '2026-03-15T16:59:59.000Z', '2026-03-01T00:00:00.000Z'));
  return act(
    out,
    actor('employee'),
    { type: 'fileObjection', reasons: 'Izin atasan sudah ada' },
    '2026-03-05T03:00:00.000Z',
  );
}

const heard = (() => {
  let s = objected(nips.superior);
  s = act(
    s,
    actor('superior'),
    { type: 'askExplanation', from: 'rater', question: 'Mana rekap absensinya?', days: 2 },
    now.toISOString(),
  );
  s = act(
    s,
    actor('superior'),
    { type: 'askExplanation', from: 'employee', question: 'Siapa yang memberi izin?', days: 1 },
    now.toISOString(),
  );
  return act(
    s,
    actor('supervisor'),
    { type: 'explainObjection', explanation: 'Rekap terlampir di SKP' },
    '2026-03-06T05:00:00.000Z',
  );
})();
const delegated = objected(null);
const f = evaluationFile(evaluationLog().events, nameOf);
const file: EvaluationFileRead = {
  ...f,
  employee: { ...f.employee, employmentStatus: null, rank: null },
  rater: f.rater && { ...f.rater, employmentStatus: null, rank: null },
  superior: f.superior && { ...f.superior, employmentStatus: null, rank: null },
};
const task = (kind: string, qualifier?: string, dueAt = '2026-03-19T16:59:59.000Z') =>
  ({
    taskId: `${heard.appraisalId}:${kind}${qualifier ? `:${qualifier}` : ''}`,
    appraisalId: heard.appraisalId,
    cycleId: heard.cycleId,
    kind,
    step: 'feedback',
    dueAt,
  }) as unknown as ObjectionTaskView['task'];

function renderAll(lang: 'id' | 'en') {
  const t = translator(lang, zone);
  const view = (v: Partial<ObjectionTaskView>): ObjectionTaskView => ({
    task: task('decideObjection'),
    ownerName: 'Siti',
    appraisal: heard,
    file,
    state: null,
    now,
    ...v,
  });
  const refused = parseCommand('decideObjection', { decision: 'changed', reason: '' });
  const errors = refused.ok ? {} : refused.errors;
  const decided = act(
    heard,
    actor('superior'),
    {
      type: 'decideObjection',
      decision: 'changed',
      results: 'sesuai',
      behaviour: 'sesuai',
      reason: 'Izin sah dari kepala puskesmas',
    },
    '2026-03-09T00:00:00.000Z',
  );
  const byDelegate = act(
    delegated,
    actor('hr'),
    { type: 'decideObjection', decision: 'upheld', reason: 'Sesuai SK', letterRef: '800/12/2026' },
    '2026-03-09T00:00:00.000Z',
  );
  const bodies = {
    decide: decideObjectionBody(t, view({})),
    decideWithErrors: decideObjectionBody(
      t,
      view({ state: { type: 'decideObjection', values: { decision: 'changed' }, errors } }),
    ),
    delegate: decideObjectionBody(t, view({ appraisal: delegated })),
    explain: explainObjectionBody(
      t,
      view({ task: task('explainObjection', 'employee', '2026-03-07T16:59:59.000Z'), file: null }),
    ),
    outcome: objectionOutcome(t, decided.objection ?? { filedAt: '', decidedAt: null, decision: null }),
    delegateOutcome: objectionOutcome(
      t,
      byDelegate.objection ?? { filedAt: '', decidedAt: null, decision: null },
    ),
  };
  return Object.fromEntries(
    Object.entries(bodies).map(([name, body]) => [
      name,
      page({ t, title: 'x', body, section: 'inbox', path: '/app/inbox' }).toString(),
    ]),
  );
}

describe('the keberatan pages', () => {
  it.each(languages)(
    'render in %s without a missing key, an unfilled placeholder or the other language',
    (lang) => {
      const other = catalogues[lang === 'id' ? 'en' : 'id'];
      for (const [name, html] of Object.entries(renderAll(lang))) {
        expect(html, name).not.toMatch(/\{\w+\}/);
        for (const key of ['objection.reasons', 'objection.contested', 'objection.decision'])
          expect(html, `${name} ${key}`).not.toContain(`>${other[key]}<`);
      }
    },
  );

  it("puts the case in front of the superior: reasons, the rating and the rater's feedback, explanations, the file", () => {
    const html = renderAll('en').decide ?? '';
    expect(html).toContain('Izin atasan sudah ada');
    expect(html).toContain('Sering terlambat apel');
    expect(html).toContain('Kurang/Misconduct');
    // Asked of both: the rater answered, the employee not yet; due times on the WIB wall clock.
    expect(html).toContain('Mana rekap absensinya?');
    expect(html).toContain('Rekap terlampir di SKP');
    expect(html).toContain('Waiting for the answer.');
    expect(html).toContain('8 Mar 2026 23:59 WIB');
    expect(html).toContain('Decide by 19 Mar 2026 23:59 WIB');
    expect(html).toContain('id="evaluation-file"');
    // Both were asked: no form to ask again; the decision form, without a decision letter.
    expect(html).not.toContain('name="type" value="askExplanation"');
    expect(html).toContain('name="type" value="decideObjection"');
    expect(html).not.toContain('name="letterRef"');
  });

  it('offers to ask whoever was not asked yet, for days that end before the decision is due', () => {
    const t = translator('en', zone);
    const html = decideObjectionBody(t, {
      task: task('decideObjection', undefined, '2026-03-08T16:59:59.000Z'),
      ownerName: 'Siti',
      appraisal: delegated,
      file: null,
      state: null,
      now,
    }).toString();
    expect(html).toContain('name="type" value="askExplanation"');
    expect(html).toContain('<option value="2">2 days, until 8 Mar 2026 23:59 WIB</option>');
    expect(html).not.toContain('<option value="3">');
  });

  it('asks HR for the decision letter where the superior is outside siklus, and the employee reads the reasons', () => {
    const pages = renderAll('id');
    expect(pages.delegate).toContain('name="letterRef"');
    expect(pages.outcome).toContain('Izin sah dari kepala puskesmas');
    expect(pages.delegateOutcome).toContain('800/12/2026');
    expect(pages.explain).toContain('Siapa yang memberi izin?');
    expect(pages.explain).toContain('name="type" value="explainObjection"');
  });

  it("gives HR's pembinaan task a form for the guidance given", () => {
    for (const lang of languages) {
      const t = translator(lang, zone);
      const html = taskBody(t, {
        task: task('pembinaan', undefined, '2026-12-31T16:59:59.000Z'),
        ownerName: 'Siti',
        appraisal: null,
        standards: null,
        state: null,
        now,
      }).toString();
      expect(html).toContain('name="type" value="recordGuidance"');
      expect(html).toContain(t('objection.pembinaanIntro'));
      expect(html).not.toContain(t('task.notInWeb'));
    }
  });

  it('turns the forms into the commands', () => {
    expect(parseCommand('askExplanation', { from: 'rater', question: 'Q', days: '3' })).toEqual({
      ok: true,
      command: { type: 'askExplanation', from: 'rater', question: 'Q', days: 3 },
    });
    expect(parseCommand('askExplanation', { from: 'rater', question: 'Q', days: '' }).ok).toBe(false);
    expect(
      parseCommand('decideObjection', { decision: 'upheld', reason: 'R', letterRef: ' 800/1 ' }),
    ).toMatchObject({ ok: true, command: { letterRef: '800/1' } });
    expect(parseCommand('recordGuidance', { note: 'Konseling' })).toMatchObject({ ok: true });
  });
});
