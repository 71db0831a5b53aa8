// Test files share one Temporal runtime per process: log warnings and errors only, so a failing test's
// output is not buried under worker state changes and bundler reports.
import { DefaultLogger, makeTelemetryFilterString, Runtime } from '@temporalio/worker';

Runtime.install({
  logger: new DefaultLogger('WARN'),
  telemetryOptions: { logging: { filter: makeTelemetryFilterString({ core: 'ERROR' }), forward: {} } },
});
