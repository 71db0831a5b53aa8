// `npm run chaos -- [--employees N] [--seconds S]`: a cycle of N employees (default 500) launched and
// acted on through the API while the worker is SIGKILLed, the Temporal dev server killed and PostgreSQL
// stopped, every action sent twice, then a calibration drill with the worker killed a third time inside
// its calibration (parked there on purpose), a tenth of the recordEvents calls failing after their commit
// throughout; then nothing may be lost, done twice, stuck or unverifiable. Its own PostgreSQL and
// Temporal dev server (real processes, to kill). Progress on stderr; one JSON line at the end:
// {employees, faults, actions, duplicatesSent, lostEvents, duplicatedEvents, projectionMismatches,
// stuckWorkflows, verify, wallMs, calibration, ...}; exit 1 when a loss figure is not 0, verify fails or
// the third kill missed the calibration, 2 on a usage error.
import { chaosFailed, runChaos } from '../reliability/chaos/run-chaos.ts';
import { commandLine } from './command-line.ts';

const { wholeNumber } = commandLine('chaos', 'npm run chaos -- [--employees N] [--seconds S]', [
  'employees',
  'seconds',
]);
const employees = wholeNumber('employees', 500, 20_000, 10);
const seconds = wholeNumber('seconds', 0, 86_400, 0);

const figures = await runChaos({ employees, seconds, log: (line) => console.error(line) });
console.log(JSON.stringify(figures));
if (chaosFailed(figures)) process.exitCode = 1;
