// The HR and auditor pages render in both languages without a missing key or an unfilled placeholder,
// over data that reaches every branch: import results with every known reason, the start-cycle form
// with every calendar error, the SVG chart, every cycle event, the as-of state and every audit finding.
import { describe, expect, it } from 'vitest';
import { languages, translator } from '../../../api/web/i18n/index.ts';
import { page } from '../../../api/web/layout.ts';
import { auditCyclesBody, cycleTimelineBody, verificationBody } from '../../../api/web/views/audit.ts';
import { appraisalAuditBody } from '../../../api/web/views/audit-appraisal.ts';
import { cycleEventLine } from '../../../api/web/views/cycle-events.ts';
import { hrBody } from '../../../api/web/views/hr.ts';
import { importBody } from '../../../api/web/views/hr-import.ts';
import { freshStartView, parseStartCycle, startCycleBody } from '../../../api/web/views/hr-start.ts';
import type { CycleVerification } from '../../../audit/verify-cycle.ts';
import { initialState } from '../../../domain/appraisal/state.ts';
import { steps } from '../../../domain/appraisal/types.ts';

const today = new Date('2026-11-23T08:00:00Z');
const nip = '198503152010012003';
const cycle = { cycle_id: 'bungo.2027', year: 2027, status: 'running', launched: 20 };

function renderAll(lang: 'id' | 'en'): string[] {
  const t = translator(lang);
  const viewer = { name: 'Desi', org: 'bungo', roles: ['employee', 'hr', 'auditor'] };
  const shell = (body: ReturnType<typeof importBody>) =>
    page({ t, title: 'x', body, viewer, section: 'hrImport', path: '/app/hr/import' }).toString();
  const out: string[] = [];
  const reasons = [
    'unit_code: unknown unit "X"',
    'position_code: unknown position "Y"',
    `supervisor_nip: no employee with NIP ${nip} in the organisation or among the valid rows of this file`,
    "supervisor_nip: the supervisor's row (line 3) has errors",
    'supervisor_nip: an employee cannot be their own supervisor',
    `nip: ${nip} already appears on line 2`,
    'nip: the birth date is not a real date',
    'a reason without a column',
  ];
  const rows = [
    { line: 2, ok: true as const, nip, action: 'created' as const },
    { line: 3, ok: true as const, nip, action: 'updated' as const },
    { line: 4, ok: false as const, errors: reasons },
  ];
  out.push(shell(importBody(t, { csv: '', errors: {} })));
  out.push(shell(importBody(t, { csv: 'x', errors: { file: 'import.error.empty' } })));
  out.push(shell(importBody(t, { csv: '', errors: { file: 'import.error.tooLarge' } })));
  out.push(
    shell(
      importBody(t, {
        csv: 'x',
        errors: {},
        formError: t('import.headerInvalid'),
        headerErrors: ['header: x'],
      }),
    ),
  );
  out.push(
    shell(
      importBody(t, {
        csv: '',
        errors: {},
        result: { imported: 2, rejected: 1, rows },
        names: new Map([[nip, 'Siti']]),
      }),
    ),
  );

  const units = [{ code: 'PKM', name: 'Puskesmas' }];
  const fresh = freshStartView(today, units, 'Asia/Jakarta');
  // Quarterly periods by default: their four windows take the place of the check-in steps.
  expect(fresh.preview?.steps.length).toBe(5);
  expect(fresh.preview?.periods?.windows.length).toBe(4);
  out.push(shell(startCycleBody(t, fresh)));
  out.push(shell(startCycleBody(t, freshStartView(today, units, 'Asia/Jayapura', true))));
  const badZone = { type: 'timeZone', values: { timeZone: 'UTC' }, errors: { timeZone: 'timeZone.error' } };
  out.push(shell(startCycleBody(t, { ...fresh, zone: { timeZone: 'Asia/Jakarta', state: badZone } })));
  const cases: Array<Record<string, string>> = [
    { year: '', start: '' },
    { year: '1999', start: '2026-13-40' },
    { year: '2027', start: '2026-11-23', socialisation: 'P0D' },
    { year: '2027', start: '2026-11-23', agreement: 'P200D' },
    { year: '2027', start: '2028-01-05' },
    { year: '2027', start: '2026-11-23', reviewStart: 'soon' },
    { year: '2027', start: '2026-11-23', periods: 'weekly' },
  ];
  const seen = new Set<string>();
  for (const c of cases) {
    const values = { ...fresh.state.values, ...c };
    const parsed = parseStartCycle(values, ['PKM'], 'Asia/Jakarta');
    expect(parsed.ok).toBe(false);
    const errors = parsed.ok ? {} : parsed.errors;
    for (const key of Object.values(errors)) seen.add(key);
    out.push(
      shell(
        startCycleBody(t, { ...fresh, state: { type: 'startCycle', values, errors }, chosenUnits: ['PKM'] }),
      ),
    );
  }
  expect([...seen].sort()).toEqual(
    expect.arrayContaining([
      'error.required',
      'startCycle.error.year',
      'startCycle.error.duration',
      'startCycle.error.outOfOrder',
      'startCycle.error.outOfRange',
      'startCycle.error.periods',
    ]),
  );
  out.push(
    shell(startCycleBody(t, { ...fresh, state: { ...fresh.state, formError: t('problem.cycle_exists') } })),
  );

  const progress = { PKM: Object.fromEntries(steps.map((s, i) => [s, i + 1])), EMPTY: {} };
  const hr = { cycles: [cycle], cycleId: cycle.cycle_id, progress, distribution: [], unitNames: new Map() };
  out.push(
    shell(hrBody(t, { ...hr, canSetPredikat: true, flash: { kind: 'ok', text: t('startCycle.started') } })),
  );
  out.push(shell(hrBody(t, { ...hr, canSetPredikat: false })));

  out.push(shell(auditCyclesBody(t, [cycle])), shell(auditCyclesBody(t, [])));
  const data = {
    by: nip,
    year: 2027,
    launched: 3,
    total: 3,
    nips: [nip],
    nip,
    reason: 'pensiun',
    effectiveDate: '2027-08-01',
    unitCode: 'PKM',
    step: 'agreement',
    deadline: '2027-03-01T00:00:00Z',
    predikat: 'baik',
    ok: false,
    violations: [{ rule: 'istimewa.max70PercentSangatBaik' }],
    employees: 3,
  };
  const types = [
    'cycle.started',
    'cycle.launched',
    'cycle.employeesAdded',
    'cycle.employeeRemoved',
    'cycle.employeeRejoined',
    'cycle.deadlineExtended',
    'cycle.unitPredikatSet',
    'cycle.unitCalibrated',
    'cycle.unitReleased',
    'cycle.closed',
    'cycle.unknown',
  ];
  const events = types.map((type, i) => ({
    version: i + 1,
    position: i + 10,
    at: '2027-01-01T00:00:00Z',
    actor: nip,
    ...cycleEventLine(t, type, data),
  }));
  events.push({ ...events[0]!, ...cycleEventLine(t, 'cycle.unitCalibrated', { ...data, ok: true }) });
  events.push({ ...events[0]!, key: 'cycle.started', vars: {}, invalid: 'bad data' } as (typeof events)[0]);
  const appraisals = [
    { appraisalId: `bungo.2027.${nip}`, nip, name: 'Siti', unit: 'PKM', step: 'agreement' },
  ];
  out.push(shell(cycleTimelineBody(t, { cycle, events, appraisals })));

  const started = initialState({
    appraisalId: `bungo.2027.${nip}`,
    cycleId: 'bungo.2027',
    orgId: 'bungo',
    participants: {
      employee: { nip, name: 'Siti', unitCode: 'PKM', positionCode: 'DOKTER' },
      supervisorNip: null,
      superiorNip: null,
      subordinateNips: [],
    },
    calendar: {},
    at: '2027-01-01T00:00:00Z',
  } as unknown as Parameters<typeof initialState>[0]);
  const entries = [1, 2, 3].map((version) => ({
    version,
    position: version * 10,
    at: '2027-01-01T00:00:00Z',
    recordedAt: '2027-01-01T00:00:00Z',
    actor: nip,
    who: `Siti (${nip})`,
    type: 'x',
    sentence: `peristiwa ${version}`,
  }));
  const asOf = { appraisalId: started.appraisalId, state: started, version: 2, lastPosition: 20 };
  const rich = {
    ...started,
    checkIns: {
      I: { submittedAt: '2027-04-01T00:00:00Z', feedbackAt: null, missed: false },
      II: { submittedAt: null, feedbackAt: null, missed: true },
      III: { submittedAt: null, feedbackAt: null, missed: false },
    },
    rating: {
      results: 'sesuai' as const,
      behaviour: 'sesuai' as const,
      predikat: 'baik' as const,
      feedback: '',
      as: 'rater' as const,
      by: nip,
      at: '2027-01-25T00:00:00Z',
    },
    release: { at: '2027-02-01T00:00:00Z', objectionDeadline: '2027-02-15T00:00:00Z' },
    objection: { filedAt: '2027-02-02T00:00:00Z', decidedAt: null, decision: null },
    referral: { createdAt: '2027-02-02T00:00:00Z', programme: null, completedAt: null, lapsed: false },
    cancelledReason: 'pensiun',
    openTasks: {
      a: {
        taskId: 'a',
        kind: 'setRating' as const,
        assigneeNip: nip,
        assigneeRole: 'supervisor' as const,
        step: 'rating' as const,
        dueAt: null,
      },
    },
  };
  const base = { appraisalId: started.appraisalId, cycleId: 'bungo.2027', name: 'Siti', entries };
  out.push(shell(appraisalAuditBody(t, { ...base, version: 2, asOf })));
  out.push(shell(appraisalAuditBody(t, { ...base, version: 1, asOf: { ...asOf, state: rich } })));
  out.push(
    shell(appraisalAuditBody(t, { ...base, version: 3, asOf: { ...asOf, state: null, lastPosition: null } })),
  );

  const problems = [
    'hash_mismatch',
    'version_gap',
    'prev_hash_mismatch',
    'head_mismatch',
    'missing_head',
    'schema_invalid',
    'projection_mismatch',
    'rebuild_failed',
    'seal_missing',
    'seal_mismatch',
    'position_order',
  ] as const;
  const seal = { cycleId: 'bungo.2027', digest: 'abc', position: 5, sealedAt: today, streams: 3 };
  const verification = (ok: boolean, s: CycleVerification['seal']): CycleVerification => ({
    ok,
    onlyPositionOrder: false,
    cycleId: 'bungo.2027',
    streamsChecked: 3,
    eventsChecked: 30,
    findings: ok
      ? []
      : problems.map((problem) => ({ problem, streamId: 's', version: 1, table: 't', detail: 'd' })),
    projectionDifferences: [],
    seal: s,
  });
  out.push(shell(verificationBody(t, 'bungo.2027', verification(true, { status: 'open' }))));
  out.push(shell(verificationBody(t, 'bungo.2027', verification(true, { status: 'intact', seal }))));
  out.push(shell(verificationBody(t, 'bungo.2027', verification(false, { status: 'missing', detail: 'x' }))));
  out.push(
    shell(verificationBody(t, 'bungo.2027', verification(false, { status: 'broken', seal, detail: 'x' }))),
  );
  return out;
}

describe('HR and auditor pages', () => {
  it.each(languages)('render in %s without a missing key or an unfilled placeholder', (lang) => {
    const pages = renderAll(lang);
    for (const html of pages) {
      expect(html).toContain(`<html lang="${lang}">`);
      expect(html).not.toMatch(/\{\w+\}/);
    }
    const all = pages.join('\n');
    // Navigation for these roles, the chart with its text alternative, the slider.
    expect(all).toContain('href="/app/hr/import"');
    expect(all).toContain('href="/app/audit"');
    expect(all).toMatch(/<svg[^>]*role="img"[^>]*aria-describedby="chart-desc"/);
    expect(all).toContain('<input type="range" id="asof" name="v" min="1" max="3" step="1" value="2"');
  });

  it('prefills quarterly periods and today, and starts next year when this one is too late', () => {
    const view = freshStartView(today, [], 'Asia/Jakarta');
    expect(view.state.values).toMatchObject({
      year: '2027',
      start: '2026-11-23',
      periods: 'quarterly',
      skpApproach: 'kualitatif',
    });
    expect(freshStartView(new Date('2027-01-02T00:00:00Z'), [], 'Asia/Jakarta').state.values.year).toBe(
      '2027',
    );
    // An empty length is the default: only what HR wrote is sent.
    const parsed = parseStartCycle({ ...view.state.values, agreement: 'p20d' }, ['PKM'], 'Asia/Jakarta');
    expect(parsed.ok && parsed.body).toEqual({
      year: 2027,
      start: '2026-11-23',
      periods: 'quarterly',
      skpApproach: 'kualitatif',
      calendar: { agreement: 'P20D' },
      population: { unitCodes: ['PKM'] },
    });
    // The SKP approach is HR's choice of two; anything else is named on its field.
    const kuantitatif = parseStartCycle(
      { ...view.state.values, skpApproach: 'kuantitatif' },
      [],
      'Asia/Jakarta',
    );
    expect(kuantitatif.ok && kuantitatif.body.skpApproach).toBe('kuantitatif');
    const wrong = parseStartCycle({ ...view.state.values, skpApproach: 'campuran' }, [], 'Asia/Jakarta');
    expect(wrong.ok ? {} : wrong.errors).toEqual({ skpApproach: 'startCycle.error.skpApproach' });
  });

  it("refuses a keberatan window shorter than 14 days with the law named, in the page's language", () => {
    const values = { year: '2027', start: '2026-11-23', periods: 'quarterly', feedback: 'P7D' };
    const parsed = parseStartCycle(values, ['PKM'], 'Asia/Jakarta');
    expect(parsed).toEqual({ ok: false, errors: { feedback: 'startCycle.error.keberatan' } });
    expect(translator('id')('startCycle.error.keberatan')).toContain('PP 30/2019 pasal 59');
    expect(translator('en')('startCycle.error.keberatan')).toContain('PP 30/2019 art. 59');
  });

  it("counts today and the calendar in the organisation's zone: 20:00 UTC is already tomorrow in WITA", () => {
    const evening = new Date('2026-11-23T20:00:00Z');
    const view = freshStartView(evening, [], 'Asia/Makassar');
    expect(view.state.values.start).toBe('2026-11-24');
    expect(view.preview?.timeZone).toBe('Asia/Makassar');
    // 00:00 WITA on 24 November is 16:00 UTC on the 23rd.
    expect(view.preview?.steps[0]?.start).toBe('2026-11-23T16:00:00.000Z');
  });

  it('starts a monthly cycle from empty lengths with the monthly defaults and 12 windows', () => {
    const values = { year: '2027', start: '2027-01-01', periods: 'monthly' };
    const parsed = parseStartCycle(values, [], 'Asia/Jakarta');
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.body).toMatchObject({ periods: 'monthly', calendar: {} });
    expect(parsed.calendar.periods?.windows.map((w) => w.id)).toHaveLength(12);
    const html = startCycleBody(translator('en', 'Asia/Jakarta'), {
      ...freshStartView(today, [], 'Asia/Jakarta'),
      state: { type: 'startCycle', values, errors: {} },
      preview: parsed.calendar,
    }).toString();
    // The empty fields show the monthly defaults; the preview lists every window with its WIB deadline.
    expect(html).toContain('placeholder="P7D"');
    expect(html).toContain('placeholder="P21D"');
    expect(html.match(/Evaluation M\d\d/g)).toHaveLength(12);
    expect(html).toContain('6 Feb 2027 23:59 WIB');
  });
});
