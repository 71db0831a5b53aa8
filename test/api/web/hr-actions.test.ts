// The controls the progress page and the periodic page share: the cycle picker names each cycle by its
// year and status with the shown one selected, and a unit's rules say which hold and which are broken.
import { describe, expect, it } from 'vitest';
import { translator } from '../../../api/web/i18n/index.ts';
import { cycleSelect, ratedCount, ruleChecks } from '../../../api/web/views/hr-actions.ts';

const en = translator('en');
const id = translator('id');
const cycles = [
  { cycle_id: 'bungo.2027', year: 2027, status: 'running' },
  { cycle_id: 'bungo.2026', year: 2026, status: 'closed' },
];

describe('the cycle picker', () => {
  it('lists each cycle by year and status, with the shown one selected', () => {
    const html = cycleSelect(id, cycles, 'bungo.2026').toString();
    expect(html).toContain('<label for="cycle">Siklus</label>');
    expect(html).toContain('<option value="bungo.2027">2027 (berjalan)</option>');
    expect(html).toContain('<option value="bungo.2026" selected>2026 (ditutup)</option>');
  });
});

describe("a unit's rules", () => {
  it('marks the rule a violation names as broken, with its counts, and the others as met', () => {
    const violation = { rule: 'baik.max70PercentBaik', message: '', actual: 8, limit: 7, total: 10 };
    const html = ruleChecks(en, 'baik', new Map([[violation.rule, violation]]), 10).toString();
    expect(html).toContain(
      '<li>At most 70% of employees are Baik. <span class="bad-text">✗ broken: 8 of 10 employees, limit 7</span></li>',
    );
    expect(html.match(/<li>/g)).toHaveLength(2);
    expect(html.match(/✓ met/g)).toHaveLength(1);
  });

  it('marks no rule met while nobody in the unit is rated, and says why', () => {
    const html = ruleChecks(id, 'baik', new Map(), 0).toString();
    expect(html).not.toContain('terpenuhi');
    expect(html).not.toContain('✓');
    expect(html).toContain('Belum ada pegawai yang dinilai');
    expect(html.match(/<li>/g)).toHaveLength(2);
    expect(
      ruleChecks(id, 'baik', new Map(), 3)
        .toString()
        .match(/✓ terpenuhi/g),
    ).toHaveLength(2);
    expect(ratedCount({ baik: 2, sangatBaik: 1, kurang: undefined })).toBe(3);
  });

  it('shows a dash while the unit has no predikat', () => {
    expect(ruleChecks(en, null, new Map(), 0).toString()).toBe('–');
  });
});
