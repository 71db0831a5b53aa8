// HR's page of changes during the year renders in both languages without a missing key or an unfilled
// placeholder, over data that reaches every branch: no cycle, a search with and without results, the
// member's case with and without open tasks and people, the rater search, and the form's errors.
import { describe, expect, it } from 'vitest';
import { newFormKey } from '../../../api/web/forms.ts';
import { languages, translator } from '../../../api/web/i18n/index.ts';
import { page } from '../../../api/web/layout.ts';
import { changesSearchBody, memberChangesBody } from '../../../api/web/views/hr-changes.ts';
import { recordMutasi } from '../../../domain/appraisal/mutasi.ts';
import { type AppraisalState, evolve, initialState } from '../../../domain/appraisal/state.ts';
import * as transitions from '../../../domain/appraisal/transitions.ts';

const nip = '199001012015031004';
const rater = '197808082003032003';
const person = { nip, name: 'Siti Aminah', unit: 'Puskesmas II', position: 'Perawat' };
const found = [{ nip: rater, name: 'Benar Sitompul', unit: 'Puskesmas II', position: 'Kepala Puskesmas' }];
const cycles = [{ cycle_id: 'bungo.2027', year: 2027, status: 'running' as const, launched: 5 }];

function appraisal(supervisorNip: string | null): AppraisalState {
  const s = initialState({
    appraisalId: `bungo.2027.${nip}`,
    cycleId: 'bungo.2027',
    orgId: 'bungo',
    participants: {
      employee: { nip, name: 'Siti Aminah', unitCode: 'PKM2', positionCode: 'PERAWAT' },
      supervisorNip,
      superiorNip: null,
      subordinateNips: [],
    },
    calendar: {},
    at: '2027-01-01T00:00:00.000Z',
  });
  return transitions
    .enterStep(s, 'agreement', '2027-02-14T16:59:59.000Z', '2027-01-15T00:00:00.000Z')
    .reduce(evolve, s);
}

/** A body in the page of HR's changes, as HR officer Rudi sees it. */
function hrChangesPage(t: ReturnType<typeof translator>, body: ReturnType<typeof changesSearchBody>): string {
  const viewer = { name: 'Rudi', org: 'bungo', roles: ['employee', 'hr'] };
  return page({
    t,
    title: t('changes.title'),
    body,
    viewer,
    section: 'hrChanges',
    path: '/app/hr/changes',
  }).toString();
}

function renderAll(lang: 'id' | 'en'): string[] {
  const t = translator(lang, 'Asia/Makassar');
  const shell = (body: ReturnType<typeof changesSearchBody>) => hrChangesPage(t, body);
  const errors = {
    raterNip: 'changes.error.pick',
    reason: 'error.required',
    effectiveDate: 'problem.invalid_effective_date',
  };
  return [
    shell(changesSearchBody(t, { cycles: [], cycleId: null, q: '', found: null })),
    shell(changesSearchBody(t, { cycles, cycleId: 'bungo.2027', q: '', found: null })),
    shell(
      changesSearchBody(t, {
        cycles: [...cycles, { ...cycles[0]!, cycle_id: 'bungo.2026', year: 2026 }],
        cycleId: 'bungo.2027',
        q: 'si',
        found: [],
      }),
    ),
    shell(changesSearchBody(t, { cycles, cycleId: 'bungo.2027', q: 'siti', found: [person] })),
    shell(memberChangesBody(t, { ...member, appraisal: appraisal(rater) })),
    shell(memberChangesBody(t, { ...member, appraisal: appraisal(null), raterQ: 'zz', raterFound: [] })),
    shell(
      memberChangesBody(t, {
        ...member,
        appraisal: appraisal(rater),
        raterQ: 'benar',
        raterFound: found,
        form: { type: 'changeRater', values: { _key: newFormKey() }, errors },
        flash: { kind: 'ok', text: t('changes.raterSaved', { name: 'Benar Sitompul', count: 2 }) },
      }),
    ),
    shell(
      memberChangesBody(t, {
        ...member,
        appraisal: {
          ...appraisal(rater),
          step: 'cancelled',
          openTasks: {},
          cancelledReason: 'Pindah instansi',
        },
        form: {
          type: 'rejoin',
          values: {},
          errors: { reason: 'error.required', effectiveDate: 'problem.invalid_effective_date' },
          formError: t('problem.not_left'),
        },
      }),
    ),
    shell(memberChangesBody(t, { ...member, appraisal: withActing(), actingQ: 'benar', actingFound: found })),
    shell(
      memberChangesBody(t, {
        ...member,
        appraisal: withActing(),
        actingQ: 'benar',
        actingFound: found,
        form: {
          type: 'appointActing',
          values: {},
          errors: {
            actingNip: 'changes.error.pick',
            from: 'error.invalid',
            to: 'problem.invalid_acting_range',
          },
          formError: t('problem.acting_overlap'),
        },
        flash: {
          kind: 'ok',
          text: t('changes.actingSaved', { name: 'Benar Sitompul', from: '2027-10-01', to: '2027-10-31' }),
        },
      }),
    ),
  ];
}

const mutasiChoices = {
  units: [
    { code: 'PKM2', name: 'Puskesmas II' },
    { code: 'PKM3', name: 'Puskesmas III' },
  ],
  positions: [
    { code: 'BIDAN', name: 'Bidan' },
    { code: 'PERAWAT', name: 'Perawat' },
  ],
  mutasiQ: '',
  mutasiFound: null,
  reports: [],
  successor: null,
};

/** A member's page before any search or form: the rater's name known, today in WITA. */
const member = {
  cycleId: 'bungo.2027',
  person,
  names: new Map([[rater, 'Benar Sitompul']]),
  raterQ: '',
  raterFound: null,
  actingQ: '',
  actingFound: null,
  form: null,
  today: '2027-03-01',
  zone: 'WITA',
  ...mutasiChoices,
};

/** The member's page after a mutasi: the closed SKP period and the open one; the form refused. */
function renderMutasi(lang: 'id' | 'en'): string {
  const t = translator(lang, 'Asia/Makassar');
  const s = appraisal(rater);
  const moved = recordMutasi(
    s,
    {
      kind: 'mutasi',
      unitCode: 'PKM3',
      positionCode: 'BIDAN',
      raterNip: null,
      superiorNip: null,
      reason: 'SK mutasi',
      effectiveDate: '2027-02-01',
      by: '198012122005012006',
    },
    '2027-02-02T00:00:00.000Z',
  ).reduce(evolve, s);
  const body = memberChangesBody(t, {
    ...member,
    appraisal: moved,
    mutasiQ: 'benar',
    mutasiFound: found,
    // The member rates someone and no one else holds the post: HR picks who rates them.
    reports: [{ nip: '199505052020122010', name: 'Dewi Lestari' }],
    form: {
      type: 'mutasi',
      values: { _key: newFormKey(), unitCode: 'PKM3' },
      errors: { kind: 'error.required', positionCode: 'error.required', raterNip: 'changes.error.pick' },
      formError: t('problem.period_unrated'),
    },
  });
  return hrChangesPage(t, body);
}

/** An appraisal with an acting rater standing in, one planned and one whose range has ended. */
function withActing(): AppraisalState {
  const range = (appointment: number, from: string, to: string, status: 'planned' | 'active' | 'ended') => ({
    appointment,
    actingNip: rater,
    from,
    to,
    timeZone: 'Asia/Makassar',
    startsAt: `${from}T00:00:00+08:00`,
    endsAt: new Date(Date.parse(`${to}T00:00:00+08:00`) + 86_400_000).toISOString(),
    reason: 'Cuti',
    status,
  });
  return {
    ...appraisal(null),
    acting: { nip: rater, appointment: 2 },
    actingAppointments: [
      range(1, '2027-02-01', '2027-02-10', 'ended'),
      range(2, '2027-03-01', '2027-03-31', 'active'),
      range(3, '2027-10-01', '2027-10-31', 'planned'),
    ],
  };
}

describe("HR's page of changes during the year", () => {
  it.each(languages)('renders every branch in %s with no key or placeholder left', (lang) => {
    for (const html of [...renderAll(lang), renderMutasi(lang)]) {
      expect(html).not.toMatch(/\{\w+\}/);
      expect(html).not.toMatch(/changes\.\w+|problem\.\w+/);
    }
  });

  it('shows the case before the change: who rates now, the open tasks and who holds them, times with the zone', () => {
    const [, , , search, withRater, withoutRater, withForm, cancelled] = renderAll('en');
    expect(search).toContain(`href="/app/hr/changes/${nip}?cycle=bungo.2027"`);
    expect(withRater).toMatch(/id="rater">Benar Sitompul <span class="muted">\(197808082003032003\)/);
    expect(withRater).toContain('Propose results and indicators (SKP)');
    expect(withRater).toContain('15 Feb 2027 00:59 WITA');
    expect(withoutRater).toContain('nobody (HR does it)');
    expect(withoutRater).toContain('No active employee by that name.');
    // The rater is picked by name from the search; each error is next to its field.
    expect(withForm).toMatch(/type="radio" name="raterNip" value="197808082003032003"> Benar Sitompul/);
    for (const field of ['raterNip', 'reason', 'effectiveDate'])
      expect(withForm).toContain(`id="f-${field}-error"`);
    expect(withForm).toContain('The rater is now Benar Sitompul; open tasks moved: 2.');
    // A cancelled appraisal's people are not changed: if the employee came back, a new one starts.
    expect(cancelled).not.toContain('id="rater-change"');
    expect(cancelled).toContain('This appraisal was cancelled: Pindah instansi');
    expect(cancelled).toContain(`action="/app/hr/changes/${nip}/rejoin"`);
    for (const field of ['reason', 'effectiveDate']) expect(cancelled).toContain(`id="f-${field}-error"`);
  });

  it('shows the acting raters with their days and the zone, and picks the acting rater by name', () => {
    const [acting, refused] = renderAll('en').slice(-2);
    expect(acting).toMatch(/id="acting">Benar Sitompul/);
    expect(acting).toContain('Benar Sitompul: 1 Oct 2027 to 31 Oct 2027 (WITA) · planned');
    expect(acting).toContain('Benar Sitompul: 1 Mar 2027 to 31 Mar 2027 (WITA) · standing in now');
    expect(acting).toContain('· ended');
    expect(acting).toMatch(/type="radio" name="actingNip" value="197808082003032003"> Benar Sitompul/);
    for (const field of ['actingNip', 'from', 'to']) expect(refused).toContain(`id="f-${field}-error"`);
    expect(refused).toContain('That range overlaps another acting rater.');
    expect(refused).toContain('Benar Sitompul stands in as the rater from 2027-10-01 to 2027-10-31.');
  });

  it('shows the SKP periods of the year and picks the mutasi’s unit, position and rater by name', () => {
    const html = renderMutasi('en');
    expect(html).toContain(
      'SKP period 1: Perawat, Puskesmas II; rater Benar Sitompul; the year’s start to 1 Feb 2027; periods none',
    );
    expect(html).toContain('SKP period 2 (now): Bidan, Puskesmas III; rater HR; since 1 Feb 2027');
    expect(html).toContain(`action="/app/hr/changes/${nip}/mutasi"`);
    expect(html).toMatch(/<option value="PKM3" selected>Puskesmas III<\/option>/);
    expect(html).toMatch(/<option value="BIDAN">Bidan<\/option>/);
    expect(html).toMatch(/type="radio" name="raterNip" value="197808082003032003"> Benar Sitompul/);
    for (const field of ['kind', 'positionCode', 'raterNip']) expect(html).toContain(`id="f-${field}-error"`);
    expect(html).toContain('A day in WITA, today at the latest.');
    expect(html).toContain('An evaluation period of the current SKP is open and not rated yet');
    expect(renderMutasi('id')).toContain('Periode SKP 2 (berjalan): Bidan, Puskesmas III');
  });
});
