// How `siklus audit histories` prints replays: a history from siklus's archive says so, with the time it
// was archived on the organisation's wall clock; one from Temporal prints as it always did.
import { describe, expect, it } from 'vitest';
import type { ReplayOutcome } from '../../audit/histories.ts';
import { formatReplays } from '../../cli/audit-report.ts';

const fromTemporal: ReplayOutcome = {
  workflowId: 'cycle:bungo.2027',
  workflowType: 'CycleWorkflow',
  ok: true,
  source: 'temporal',
};
const fromArchive: ReplayOutcome = {
  workflowId: 'appraisal:bungo.2025.198505052010011002',
  workflowType: 'EmployeeAppraisalWorkflow',
  ok: false,
  error: 'Nondeterminism error',
  source: 'archive',
  archivedAt: '2026-11-27T03:04:00.000Z',
};

describe('formatReplays', () => {
  it('names the archive and when it was archived, in the zone given', () => {
    expect(formatReplays([fromTemporal, fromArchive], undefined, 'Asia/Makassar').split('\n')).toEqual([
      'ok    cycle:bungo.2027 (CycleWorkflow)',
      'FAIL  appraisal:bungo.2025.198505052010011002 (EmployeeAppraisalWorkflow, archived at 2026-11-27 11:04 WITA): Nondeterminism error',
      "2 workflow histories replayed against the current code: 1 ok, 1 failed; 1 from siklus's archive (Temporal no longer has them)",
    ]);
  });

  it('prints histories from Temporal alone as before', () => {
    expect(formatReplays([fromTemporal], 'out', 'Asia/Jakarta')).toBe(
      'ok    cycle:bungo.2027 (CycleWorkflow)\n1 workflow histories replayed against the current code: 1 ok, 0 failed; histories in out',
    );
  });
});
