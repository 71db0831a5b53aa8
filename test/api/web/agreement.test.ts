// The SKP editor's form ↔ command (rows, empty rows, errors on the typed field, the cascade), and the
// agreement, editor and team views rendered in both languages without a missing key.
import { describe, expect, it } from 'vitest';
import { parseCommand } from '../../../api/web/forms.ts';
import { languages, translator } from '../../../api/web/i18n/index.ts';
import { page } from '../../../api/web/layout.ts';
import { addRow, parseSkp, rhkRows, valuesFromRhk } from '../../../api/web/skp-form.ts';
import { type Agreement, agreementHistory, agreementTaskBody } from '../../../api/web/views/agreement.ts';
import { checkInFeedbackBody } from '../../../api/web/views/check-in.ts';
import { skpEditorBody } from '../../../api/web/views/skp-editor.ts';
import { teamBody } from '../../../api/web/views/team.ts';
import type { Rhk } from '../../../domain/appraisal/events.ts';

const now = new Date('2027-02-01T03:00:00Z');
const me = '198503152010012003';
const boss = '199001012015031001';
const at = '2027-01-20T02:00:00Z';
const parents: Rhk[] = [
  {
    id: 'rhk-kapus-1',
    kind: 'utama',
    description: 'Mutu layanan puskesmas meningkat',
    parentRhkId: null,
    indicators: [{ id: 'iki-k1', description: 'Indeks kepuasan', aspect: 'kualitas', target: '85' }],
  },
];
const rhk: Rhk[] = [
  {
    id: 'rhk-1',
    kind: 'utama',
    description: 'Asuhan keperawatan terdokumentasi',
    parentRhkId: 'rhk-kapus-1',
    indicators: [{ id: 'iki-1', description: 'Rekam asuhan lengkap', aspect: 'kuantitas', target: '95%' }],
  },
];
const agreement: Agreement = {
  versions: [
    { version: 1, rhk, by: boss, at },
    { version: 2, rhk, by: boss, at },
  ],
  comments: [{ version: 1, comment: 'Target <terlalu> tinggi', by: me, at }],
  signatures: { employee: 2, supervisor: null },
  agreedVersion: null,
  missed: false,
};
const task = (kind: string, q = 'v2') => ({
  taskId: `bungo.2027.${me}:${kind}:${q}`,
  appraisalId: `bungo.2027.${me}`,
  kind,
  step: 'agreement',
  dueAt: '2027-02-10T00:00:00Z',
});

describe('SKP editor form', () => {
  it('turns filled rows into a command and drops empty ones', () => {
    let v = valuesFromRhk(rhk);
    v = addRow(v, 'rhk');
    v = addRow(v, 'ind.0');
    expect(rhkRows(v)).toEqual([0, 1]);
    v['rhk.0.indicators.1.description'] = 'Laporan harian';
    v['rhk.0.indicators.1.aspect'] = 'waktu';
    v['rhk.0.indicators.1.target'] = 'setiap hari';
    const parsed = parseSkp(v, ['rhk-kapus-1']);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.command.rhk).toHaveLength(1);
    expect(parsed.command.rhk[0]).toMatchObject({ id: 'rhk-1', parentRhkId: 'rhk-kapus-1' });
    expect(parsed.command.rhk[0]!.indicators.map((i) => i.id)).toEqual(['iki-1', 'iki-1-2']);
  });

  it('reports each problem on the field it was typed in', () => {
    const v = addRow(addRow(valuesFromRhk(rhk), 'rhk'), 'ind.1');
    v['rhk.1.description'] = 'Penyuluhan';
    v['rhk.1.indicators.1.target'] = '12';
    v['rhk.1.kind'] = 'tambahan';
    v['rhk.0.parentRhkId'] = 'not-a-parent';
    const parsed = parseSkp(v, ['rhk-kapus-1']);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.errors).toEqual({
      'rhk.0.parentRhkId': 'error.invalid',
      'rhk.1.indicators.1.description': 'error.required',
      'rhk.1.indicators.1.aspect': 'error.required',
    });
    // Nothing typed at all: the first row says what is missing.
    const empty = parseSkp(valuesFromRhk([]), []);
    expect(empty.ok ? {} : empty.errors).toMatchObject({ 'rhk.0.description': 'error.required' });
    // With the supervisor's RHK to cascade from, an RHK utama names one.
    const uncascaded = valuesFromRhk([{ ...rhk[0]!, parentRhkId: null }]);
    const noParent = parseSkp(uncascaded, ['rhk-kapus-1']);
    expect(noParent.ok ? {} : noParent.errors).toEqual({ 'rhk.0.parentRhkId': 'error.required' });
    expect(parseSkp(uncascaded, []).ok).toBe(true);
  });

  it('sends an evidence link with a check-in and reports a bad one on its field', () => {
    const base = { quarter: 'I', 'realisations.0.indicatorId': 'iki-1', 'realisations.0.value': '96%' };
    const good = parseCommand('submitCheckIn', {
      ...base,
      'realisations.0.evidenceUrl': 'https://drive.bungokab.go.id/rekam',
      'realisations.0.evidence': 'Rekap bulanan',
    });
    expect(good.ok && good.command).toMatchObject({
      realisations: [{ evidence: [{ url: 'https://drive.bungokab.go.id/rekam', note: 'Rekap bulanan' }] }],
    });
    const bad = parseCommand('submitCheckIn', { ...base, 'realisations.0.evidenceUrl': 'rekap' });
    expect(bad.ok ? {} : bad.errors).toEqual({ 'realisations.0.evidenceUrl': 'error.url' });
  });
});

describe('agreement and team views', () => {
  it('render in both languages, with the cascade select only when the supervisor has RHK', () => {
    for (const lang of languages) {
      const t = translator(lang);
      const shell = (body: ReturnType<typeof agreementHistory>) =>
        page({
          t,
          title: 'x',
          body,
          viewer: { name: 'Riko', org: 'bungo', roles: ['employee'], team: true },
          path: '/app/team',
        }).toString();
      const history = {
        names: new Map([[boss, 'dr. Riko']]),
        parents: new Map([['rhk-kapus-1', 'Mutu layanan']]),
      };
      const v = addRow(valuesFromRhk(rhk), 'rhk');
      const errors = {
        'rhk.1.description': 'error.required',
        rhk: 'error.count',
        'rhk.0.indicators': 'error.count',
      };
      const common = { ownerName: 'Fitri', agreement, history, now };
      const editor = shell(
        skpEditorBody(t, {
          ...common,
          task: task('proposeIndicators', 'v3'),
          parents,
          state: { type: 'proposeIndicators', values: v, errors },
        }),
      );
      expect(editor).toContain('name="rhk.0.parentRhkId"');
      expect(editor).toContain('id="f-rhk-1-description-error"');
      expect(editor).toContain('Target &lt;terlalu&gt; tinggi');
      const noCascade = skpEditorBody(t, {
        ...common,
        agreement: null,
        task: task('proposeIndicators', 'v1'),
        parents: [],
        state: { type: 'proposeIndicators', values: valuesFromRhk([]), errors: {} },
        standardVersion: 2,
      }).toString();
      expect(noCascade).not.toContain('parentRhkId');
      expect(noCascade).toContain(lang === 'id' ? 'standar kinerja jabatan versi 2' : 'standard, version 2');
      for (const kind of ['reviewIndicators', 'signAgreement'])
        expect(shell(agreementTaskBody(t, { ...common, task: task(kind), state: null }))).toContain('skp-v1');
      shell(agreementHistory(t, { ...agreement, agreedVersion: 2, missed: true }));
      shell(agreementHistory(t, { ...agreement, versions: [] }));
      const team = [
        {
          nip: me,
          name: 'Fitri',
          position: 'Perawat',
          employmentStatus: 'PNS' as const,
          rank: 'Penata Muda, III/a',
          appraisal: {
            appraisalId: `bungo.2027.${me}`,
            cycleId: 'bungo.2027',
            step: 'agreement',
            deadline: at,
          },
          tasks: [
            {
              taskId: 'a:proposeIndicators:v1',
              kind: 'proposeIndicators',
              assigneeNip: boss,
              assigneeRole: 'supervisor',
              dueAt: at,
            },
            {
              taskId: 'a:assignTraining',
              kind: 'assignTraining',
              assigneeNip: null,
              assigneeRole: 'hr',
              dueAt: null,
            },
          ],
        },
        {
          nip: '199312282025212001',
          name: 'Baru',
          position: 'Staf',
          employmentStatus: 'PPPK' as const,
          rank: null,
          appraisal: null,
          tasks: [],
        },
      ];
      const page1 = shell(teamBody(t, { team, me: boss, names: new Map(), now }));
      expect(page1).toContain('href="/app/tasks/a%3AproposeIndicators%3Av1"');
      expect(page1).toContain('href="/app/team"');
      // Each report with their number, employment status and rank, in the page's language.
      expect(page1).toContain(
        lang === 'id'
          ? '<span data-employment>PNS'
          : '<span data-employment>PNS (civil servant) · Penata Muda, III/a',
      );
      expect(page1).toContain('Penata Muda, III/a</span>');
      expect(page1).toContain(`NI PPPK 199312282025212001`);
      shell(teamBody(t, { team: [], me: boss, names: new Map(), now }));
      const feedbackTask = task('giveCheckInFeedback', 'I');
      const realisations = [
        {
          indicatorId: 'iki-1',
          value: '96%',
          evidence: [{ url: 'https://drive.go.id/a', note: 'Rekap' }, { url: 'javascript:alert(1)' }],
        },
      ];
      const checkIn = shell(
        checkInFeedbackBody(t, {
          task: feedbackTask,
          ownerName: 'Fitri',
          appraisal: null,
          record: { submitted: { at, realisations }, feedback: { at, feedback: 'Bagus' } },
          parties: {
            employee: {
              nip: me,
              name: 'Fitri',
              employmentStatus: 'PNS',
              rank: 'Penata Muda, III/a',
              position: 'Perawat',
              unit: 'Puskesmas',
            },
            rater: null,
          },
          state: null,
          now,
        }),
      );
      expect(checkIn).toContain('href="https://drive.go.id/a"');
      expect(checkIn).not.toContain('href="javascript');
      // The identity block as the forms give it: number, status, rank.
      expect(checkIn).toContain(`<dt>NIP</dt><dd>${me}</dd>`);
      expect(checkIn).toMatch(/<dd data-rank>Penata Muda, III\/a<\/dd>/);
      shell(
        checkInFeedbackBody(t, {
          task: feedbackTask,
          ownerName: 'Fitri',
          appraisal: null,
          record: { submitted: null, feedback: null },
          parties: null,
          state: { type: 'giveCheckInFeedback', values: {}, errors: { feedback: 'error.required' } },
          now,
        }),
      );
    }
  });
});
