// How `siklus audit` prints its results for people (`--json` prints the objects themselves), times in the
// organisation's zone with its name.
import type { ReplayOutcome } from '../audit/histories.ts';
import type { CycleVerification } from '../audit/verify-cycle.ts';
import { localStampText } from '../domain/time/local-text.ts';
import { defaultTimeZone } from '../domain/time/zones.ts';

export function formatVerification(report: CycleVerification, timeZone: string = defaultTimeZone): string {
  const lines = [
    `cycle ${report.cycleId}: ${report.streamsChecked} streams, ${report.eventsChecked} events checked`,
  ];
  const seal =
    report.seal.status === 'open'
      ? 'not sealed (the cycle has not closed)'
      : report.seal.status === 'intact'
        ? `intact: ${report.seal.seal.digest} (${report.seal.seal.streams} streams up to position ${report.seal.seal.position}, sealed ${localStampText(report.seal.seal.sealedAt, timeZone)})`
        : report.seal.detail;
  lines.push(`seal: ${seal}`);
  if (report.ok) {
    lines.push('INTACT: hash chains, versions, heads, schemas, projections and seal all check out');
    return lines.join('\n');
  }
  lines.push(`NOT INTACT: ${report.findings.length} finding${report.findings.length === 1 ? '' : 's'}`);
  for (const f of report.findings) {
    const where = f.table
      ? `table ${f.table}`
      : f.streamId
        ? `${f.streamId}${f.version !== undefined ? ` v${f.version}` : ''}`
        : report.cycleId;
    lines.push(`  ${where}  ${f.problem}  ${f.detail}`);
  }
  if (report.onlyPositionOrder) {
    const streams = report.findings.filter((f) => f.problem === 'position_order').length;
    lines.push(
      `ORDER ONLY: ${streams} stream${streams === 1 ? ' was' : 's were'} numbered out of order when written (a defect of siklus before 2026-11 in launches of more than 200 employees);`,
      '  the hash chains, versions, heads and schemas are intact, and the projection differences follow from reading that order.',
      '  Repair: `siklus audit repair-order` (renumbers positions within each transaction; `--dry-run` counts first), then verify again.',
    );
  }
  for (const d of report.projectionDifferences) {
    for (const row of d.liveRows) lines.push(`    ${d.table} live:    ${JSON.stringify(row)}`);
    for (const row of d.rebuiltRows) lines.push(`    ${d.table} rebuilt: ${JSON.stringify(row)}`);
  }
  return lines.join('\n');
}

export function formatReplays(
  outcomes: readonly ReplayOutcome[],
  dir: string | undefined,
  timeZone: string,
): string {
  const failed = outcomes.filter((o) => !o.ok);
  // A history Temporal no longer had came from siklus's archive: say so, and when it was archived.
  const source = (o: ReplayOutcome) =>
    o.source === 'archive' && o.archivedAt ? `, archived at ${localStampText(o.archivedAt, timeZone)}` : '';
  const lines = outcomes.map((o) =>
    o.ok
      ? `ok    ${o.workflowId} (${o.workflowType}${source(o)})`
      : `FAIL  ${o.workflowId} (${o.workflowType}${source(o)}): ${o.error}`,
  );
  const archived = outcomes.filter((o) => o.source === 'archive').length;
  lines.push(
    `${outcomes.length} workflow histories replayed against the current code: ${outcomes.length - failed.length} ok, ${failed.length} failed${archived ? `; ${archived} from siklus's archive (Temporal no longer has them)` : ''}${dir ? `; histories in ${dir}` : ''}`,
  );
  return lines.join('\n');
}
