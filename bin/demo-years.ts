// What `npm start` adds to the demo organisations after the API is up: each one's year in progress on
// the real server (quick), then each one's finished previous year, each run on a past-time test server
// of its own, the organisations side by side. Both are skipped where they exist already.
import type { Services } from '../api/commands/services.ts';
import { organisations } from '../demo/data.ts';
import { errorMessage } from '../runtime/server-start.ts';
import { launchDemoCurrentYear } from './demo-current-year.ts';
import { runDemoPastYear } from './demo-past-year.ts';

export interface DemoYears {
  /** Settles when every organisation's years are there (or failed, said in the log). */
  done: Promise<void>;
  /** Stops a past year still running (its test server), waiting briefly for it to wind down. */
  stop(): Promise<void>;
}

export function startDemoYears(
  services: Services,
  options: { publicUrl: string; log: (line: string) => void },
): DemoYears {
  const { log } = options;
  const stopping = new AbortController();
  const pastYear = async (org: string) => {
    const started = performance.now();
    try {
      const past = await runDemoPastYear(services.db, org, {
        publicUrl: options.publicUrl,
        signal: stopping.signal,
        onStart: (year) => log(`previous year ${year} for ${org} ...`),
      });
      if (past.ran)
        log(
          `previous year ${past.year} for ${org} ... done in ${past.seconds} s (${past.documents} documents, ${past.histories.runs} workflow histories archived)`,
        );
      else if (past.reason !== 'already there') log(`previous year ${past.year} for ${org}: ${past.reason}`);
    } catch (error) {
      const seconds = Math.round((performance.now() - started) / 1000);
      if (stopping.signal.aborted) log(`previous year for ${org} stopped unfinished after ${seconds} s`);
      else log(`previous year for ${org} failed after ${seconds} s: ${errorMessage(error)}`);
    }
  };
  const done = (async () => {
    const present = new Set(
      (await services.db.selectFrom('organisations').select('id').execute()).map((r) => r.id),
    );
    const orgs = organisations.map((o) => o.id).filter((id) => present.has(id));
    for (const org of orgs) {
      try {
        const now = await launchDemoCurrentYear(services, org);
        if (now.ran)
          log(
            `year ${now.year} in progress for ${org}: launched, ${now.acknowledged} acknowledged their standards, ${now.open} still to`,
          );
      } catch (error) {
        log(`year in progress for ${org} failed: ${errorMessage(error)}`);
      }
    }
    // At once: each on a test server of its own; most of a year's time is waiting, not computing.
    await Promise.all(orgs.map((org) => pastYear(org)));
  })();
  return {
    done,
    stop: async () => {
      stopping.abort();
      await Promise.race([done, new Promise((resolve) => setTimeout(resolve, 15_000).unref())]);
    },
  };
}
