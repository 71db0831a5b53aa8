// HR's monitoring page renders in both languages without a missing key or an unfilled placeholder, over
// data that reaches every branch: every step, every kind of "behind", tasks with and without a due time
// or a holder, reminded or not, the counts per period, an empty list, and an auditor (no reminders).
import { describe, expect, it } from 'vitest';
import { languages, translator } from '../../../api/web/i18n/index.ts';
import { monitoringBody } from '../../../api/web/views/hr-monitoring.ts';
import { steps, taskKinds } from '../../../domain/appraisal/types.ts';
import type { Behind, MonitoredPerson, Monitoring } from '../../../record/read/monitoring.ts';

const behind: Behind[] = ['acknowledgement', 'agreement', 'period:TW1', 'review', 'rating', 'overdueTask'];
const person = (i: number, step: string): MonitoredPerson => ({
  appraisalId: `bungo.2027.19850315201001200${i}`,
  nip: `19850315201001200${i}`,
  name: `Pegawai ${i}`,
  unitCode: 'PKM-MB',
  step,
  acknowledged: i % 2 === 0,
  agreed: i % 3 === 0,
  periods: [
    { id: 'TW1', submitted: true, rated: false, missed: false },
    { id: 'TW2', submitted: false, rated: false, missed: true },
  ],
  reviews: { submitted: 1, expected: 3 },
  rated: false,
  behind: i === 0 ? [] : behind,
  tasks: taskKinds.map((kind, k) => ({
    taskId: `t-${i}-${kind}`,
    kind,
    holderNip: k % 3 === 0 ? null : '197502281999041006',
    holderRole: k % 3 === 0 ? 'hr' : 'supervisor',
    holderName: k % 3 === 1 ? 'dr. Riko Saputra' : null,
    dueAt: k % 2 === 0 ? '2027-02-14T16:59:59Z' : null,
    remindedAt: k % 4 === 0 ? '2027-02-16T02:00:00Z' : null,
    overdue: k % 2 === 0,
  })),
});
const monitoring = (people: MonitoredPerson[]): Monitoring => ({
  cycleId: 'bungo.2027',
  asOf: '2027-02-16T03:00:00Z',
  periods: ['TW1', 'TW2'],
  units: ['PKM-MB', 'DINKES'],
  steps: [...steps],
  filter: { unit: 'PKM-MB', step: null, lateOnly: true },
  counts: {
    people: people.length,
    late: people.length - 1,
    toRemind: 10,
    acknowledged: 1,
    agreed: 1,
    rated: 0,
    reviewsComplete: 0,
    periods: { TW1: { submitted: 2, rated: 0 } },
  },
  people,
});

describe('the monitoring page in both languages', () => {
  for (const lang of languages)
    it(`renders every branch in ${lang} with every time in the zone`, () => {
      const t = translator(lang);
      const cycles = [{ cycle_id: 'bungo.2027', year: 2027, status: 'running' }];
      const unitNames = new Map([['PKM-MB', 'Puskesmas Muara Bungo']]);
      const everyone = steps.map((s, i) => person(i, s));
      const pages = [
        monitoringBody(t, {
          cycles,
          monitoring: monitoring(everyone),
          unitNames,
          canRemind: true,
          formKey: 'k',
        }),
        monitoringBody(t, {
          cycles,
          monitoring: monitoring(everyone),
          unitNames,
          canRemind: false,
          formKey: 'k',
        }),
        monitoringBody(t, {
          cycles,
          monitoring: monitoring([]),
          unitNames,
          canRemind: true,
          formKey: 'k',
          flash: { kind: 'ok', text: 'ok' },
        }),
        monitoringBody(t, { cycles, monitoring: null, unitNames, canRemind: true, formKey: 'k' }),
      ].map(String);
      for (const html of pages) expect(html).not.toMatch(/\{\w+\}/);
      const full = pages[0] ?? '';
      expect(full).toContain('Puskesmas Muara Bungo');
      expect(full).toContain('dr. Riko Saputra');
      expect(full).toContain(t('monitoring.behind.period', { period: t('periodName.TW1') }));
      // Every time with its zone, never a bare instant.
      expect(full).toContain('WIB');
      expect(full).not.toMatch(/\d{4}-\d{2}-\d{2}T/);
      // The reminder form only for HR; a person on time has no box to select.
      expect(full).toContain('name="intent" value="all"');
      expect(pages[1]).not.toContain('name="intent"');
      expect(full).not.toContain(`value="bungo.2027.198503152010012000"`);
      expect(full).toContain(`value="bungo.2027.198503152010012001"`);
      expect(pages[2]).toContain(t('monitoring.none'));
    });
});
