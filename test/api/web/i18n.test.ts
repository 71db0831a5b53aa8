// The web UI's catalogues: Bahasa Indonesia and English have exactly the same keys, no empty text and the
// same placeholders; and every page renders in both languages without a missing key (the translator
// throws on one), over data that reaches every task kind, step, predikat, rule and form error.
import { describe, expect, it } from 'vitest';
import { parseCommand } from '../../../api/web/forms.ts';
import { catalogues, languages, MissingTranslation, translator } from '../../../api/web/i18n/index.ts';
import { page } from '../../../api/web/layout.ts';
import { appraisalBody } from '../../../api/web/views/appraisal.ts';
import { hrBody } from '../../../api/web/views/hr.ts';
import { inboxBody } from '../../../api/web/views/inbox.ts';
import { loginBody } from '../../../api/web/views/login.ts';
import { taskBody } from '../../../api/web/views/task.ts';
import type { AppraisalState } from '../../../domain/appraisal/state.ts';
import { commandsForTask } from '../../../domain/appraisal/task-commands.ts';
import { steps, taskKinds } from '../../../domain/appraisal/types.ts';
import { unitPredikats } from '../../../domain/rating/distribution-rules.ts';
import { employeeView } from '../../../record/read/appraisal.ts';

const now = new Date('2027-06-01T03:00:00Z');
const me = '198503152010012003';
const colleague = '199001012015031001';
const at = '2027-01-10T02:00:00Z';
const rhk = [
  {
    id: 'rhk-1',
    kind: 'utama' as const,
    description: 'Waktu tunggu pasien turun',
    parentRhkId: null,
    indicators: [
      { id: 'iki-1', description: 'Rata-rata waktu tunggu', aspect: 'waktu' as const, target: '30 menit' },
    ],
  },
  {
    id: 'rhk-2',
    kind: 'tambahan' as const,
    description: 'Penyuluhan',
    parentRhkId: null,
    indicators: [{ id: 'iki-2', description: 'Sesi penyuluhan', aspect: 'kuantitas' as const, target: '12' }],
  },
];

/** An appraisal that has been through everything, released, objected to and referred. */
function state(step: AppraisalState['step']): AppraisalState {
  return {
    appraisalId: `bungo.2027.${me}`,
    cycleId: 'bungo.2027',
    orgId: 'bungo',
    participants: {
      employee: { nip: me, name: 'Siti', unitCode: 'PKM-MB', positionCode: 'DOKTER' },
      supervisorNip: colleague,
      superiorNip: null,
      subordinateNips: [],
    },
    calendar: {},
    step,
    deadline: '2027-06-14T17:00:00Z',
    version: 40,
    openTasks: {},
    socialisation: { acknowledgedAt: at, escalated: false },
    agreement: {
      versions: [
        { version: 1, rhk, by: colleague, at },
        { version: 2, rhk, by: colleague, at },
      ],
      comments: [{ version: 1, comment: 'Target terlalu tinggi', by: me, at }],
      signatures: { employee: 2, supervisor: null },
      agreedVersion: 2,
      missed: false,
    },
    periods: {},
    checkIns: {
      I: { submittedAt: at, feedbackAt: at, missed: false },
      II: { submittedAt: null, feedbackAt: null, missed: true },
    },
    activityReports: 3,
    review: {
      peerNips: [],
      submitted: [
        { reviewerNip: me, role: 'self', scores: { akuntabel: 4 } },
        { reviewerNip: colleague, role: 'peer', scores: { akuntabel: 4, kompeten: 5 } },
        { reviewerNip: '199202022016042004', role: 'peer', scores: { akuntabel: 3 } },
      ],
      missed: [],
    },
    rating: {
      results: 'sesuai',
      behaviour: 'diBawah',
      predikat: 'kurang',
      feedback: 'Perlu dialog kinerja',
      as: 'rater',
      by: colleague,
      at,
    },
    ratingMissed: false,
    ratingEscalatedTo: null,
    release: { at: '2027-05-25T00:00:00Z', objectionDeadline: '2027-06-08T00:00:00Z' },
    feedbackAcknowledgedAt: null,
    objection: null,
    referral: { createdAt: at, programme: 'Diklat pelayanan prima', completedAt: at, lapsed: false },
    recognised: true,
    cancelledReason: null,
  };
}

/** Every page of the UI, as HTML text, in one language. */
function renderAll(lang: 'id' | 'en'): string[] {
  const t = translator(lang);
  const viewer = { name: 'Siti', org: 'bungo', roles: ['employee', 'hr'] };
  const shell = (body: ReturnType<typeof loginBody>) =>
    page({ t, title: 'x', body, viewer, section: 'inbox', path: '/app/inbox' }).toString();
  const out: string[] = [];
  const people = [{ nip: me, name: 'Siti', unit: 'Puskesmas', position: 'Dokter' }];
  out.push(
    page({
      t,
      title: t('login.title'),
      body: loginBody(t, { devMode: false, organisations: [] }),
      path: '/app/login',
    }).toString(),
  );
  for (const message of [undefined, 'expired', 'invalid'] as const)
    out.push(
      shell(
        loginBody(t, {
          devMode: true,
          organisations: [{ id: 'bungo', name: 'Bungo', people }],
          ...(message ? { message } : {}),
        }),
      ),
    );
  out.push(shell(loginBody(t, { devMode: true, organisations: [] })));

  const tasks = taskKinds.map((kind, i) => ({
    // Check-in tasks are qualified by their quarter, agreement tasks by their version.
    taskId: `bungo.2027.${i % 2 ? me : colleague}:${kind}:${kind.includes('CheckIn') ? 'II' : kind === 'recordRealisation' ? 'TW2' : 'v1'}`,
    appraisalId: `bungo.2027.${i % 2 ? me : colleague}`,
    kind,
    step: steps[i % steps.length]!,
    dueAt: new Date(now.getTime() + (i - 3) * 86_400_000).toISOString(),
  }));
  const names = new Map([[colleague, 'Budi']]);
  out.push(shell(inboxBody(t, { tasks, names, me, now, feedPosition: '0-0', done: true })));
  out.push(
    shell(inboxBody(t, { tasks: [{ ...tasks[0]!, dueAt: null }], names, me, now, feedPosition: '0-0' })),
  );
  out.push(shell(inboxBody(t, { tasks: [], names, me, now, feedPosition: '0-0' })));

  const appraisal = employeeView(state('feedback'));
  const standards = {
    unit: 'Puskesmas',
    position: 'Dokter',
    positionCode: 'DOKTER',
    version: 2,
    duties: ['Memeriksa pasien'],
    indicators: rhk[0]!.indicators,
  };
  for (const task of tasks) {
    const base = { task, ownerName: null, appraisal, standards, now };
    out.push(shell(taskBody(t, { ...base, state: null })));
    // Each of the kind's forms sent empty: every field error message renders.
    for (const type of commandsForTask(task.kind)) {
      const values = { type, version: 'x', quarter: 'I', 'realisations.0.value': ' ', peerNips: '12 34' };
      const parsed = parseCommand(type, values);
      const errors = parsed.ok ? {} : parsed.errors;
      out.push(shell(taskBody(t, { ...base, ownerName: 'Budi', state: { type, values, errors } })));
      out.push(
        shell(
          taskBody(t, {
            ...base,
            state: { type, values, errors: {}, formError: t('problem.other', { code: 'x' }) },
          }),
        ),
      );
    }
  }
  out.push(
    shell(
      taskBody(t, { task: tasks[0]!, ownerName: null, appraisal: null, standards: null, state: null, now }),
    ),
  );

  for (const step of steps)
    out.push(shell(appraisalBody(t, { appraisal: employeeView(state(step)), now, state: null })));
  const decided = {
    ...state('followUp'),
    objection: { filedAt: at, decidedAt: at, decision: 'changed' as const },
  };
  const filed = { ...state('feedback'), objection: { filedAt: at, decidedAt: null, decision: null } };
  const early = {
    ...state('agreement'),
    rating: null,
    release: null,
    referral: null,
    review: { ...state('review').review, submitted: [] },
  };
  const pending = {
    ...state('followUp'),
    referral: { createdAt: at, programme: null, completedAt: null, lapsed: false },
  };
  const fresh = {
    ...early,
    agreement: { ...early.agreement, versions: [], comments: [] },
    checkIns: {},
    socialisation: { acknowledgedAt: null, escalated: false },
  };
  for (const s of [decided, filed, early, pending, fresh])
    out.push(shell(appraisalBody(t, { appraisal: employeeView(s), now, state: null, done: true })));
  const reportErrors = parseCommand('addActivityReport', { reportId: 'r', date: 'nope', description: ' ' });
  out.push(
    shell(
      appraisalBody(t, {
        appraisal,
        now,
        state: { type: 'addActivityReport', values: {}, errors: reportErrors.ok ? {} : reportErrors.errors },
      }),
    ),
  );
  out.push(shell(appraisalBody(t, { appraisal: null, now, state: null })));

  const progress = Object.fromEntries(
    unitPredikats.map((u, i) => [u, Object.fromEntries(steps.map((s, j) => [s, i + j]))]),
  );
  const distribution = [...unitPredikats, null].map((unitPredikat) => ({
    unitCode: unitPredikat ?? 'NONE',
    counts: { sangatBaik: 3, baik: 5, butuhPerbaikan: 1, kurang: 0, sangatKurang: 1 },
    unitPredikat,
    ok: unitPredikat === 'istimewa',
    violations: [],
    releasedAt: unitPredikat === 'istimewa' ? at : null,
  }));
  const cycles = ['running', 'closed'].map((status, i) => ({
    cycle_id: `bungo.${2027 - i}`,
    year: 2027 - i,
    status,
    launched: 20,
  }));
  out.push(
    shell(
      hrBody(t, {
        cycles,
        cycleId: 'bungo.2027',
        progress,
        distribution,
        unitNames: new Map([['baik', 'Dinas Kesehatan']]),
      }),
    ),
  );
  out.push(
    shell(hrBody(t, { cycles, cycleId: 'bungo.2027', progress: {}, distribution: [], unitNames: new Map() })),
  );
  out.push(
    shell(hrBody(t, { cycles: [], cycleId: null, progress: {}, distribution: [], unitNames: new Map() })),
  );
  return out;
}

describe('web UI catalogues', () => {
  it('have exactly the same keys in Bahasa Indonesia and English, none empty, with the same placeholders', () => {
    const { id, en } = catalogues;
    expect(Object.keys(en).sort()).toEqual(Object.keys(id).sort());
    const vars = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const lang of languages) {
      for (const [key, text] of Object.entries(catalogues[lang])) {
        expect(text.trim(), `${lang} ${key}`).not.toBe('');
        expect(vars(text), `${lang} ${key}`).toEqual(vars(id[key]!));
      }
    }
  });

  it('throws on a key that is not in the catalogue', () => {
    expect(() => translator('en')('no.such.key')).toThrow(MissingTranslation);
  });

  it.each(languages)('renders every page in %s without a missing key or an unfilled placeholder', (lang) => {
    const pages = renderAll(lang);
    expect(pages.length).toBeGreaterThan(60);
    for (const html of pages) {
      expect(html).toContain(`<html lang="${lang}">`);
      expect(html).not.toMatch(/\{\w+\}/);
    }
    // The other language's words do not leak in: a few texts that differ between the two.
    const other = lang === 'id' ? 'en' : 'id';
    const all = pages.join('\n');
    for (const key of ['nav.inbox', 'task.back', 'appraisal.objection', 'hr.progress'])
      expect(all).toContain(catalogues[lang][key]);
    expect(all).not.toContain(`>${catalogues[other]['nav.logout']}<`);
  });
});
