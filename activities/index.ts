// Every activity of siklus, bound to its dependencies. Workflows import this module type-only.
import type { Client } from '@temporalio/client';
import type { Kysely } from 'kysely';
import type { Database } from '../schema/database.ts';
import { createCalibrateUnits } from './calibrate-units.ts';
import { createCheckPeriodUnits } from './check-period-units.ts';
import type { InjectedFaults } from './injected-faults.ts';
import { createLaunchAppraisals } from './launch-appraisals.ts';
import { createOrganisationTimeZone } from './organisation-time-zone.ts';
import { createRecordEvents } from './record-events.ts';
import { createSealCheckpoint } from './seal-checkpoint.ts';
import { createSignalAppraisals } from './signal-appraisals.ts';
import { createSkpLookups } from './skp-lookups.ts';

export interface ActivityDependencies {
  db: Kysely<Database>;
  /** A Temporal client for activities that start or signal workflows; made on first use. */
  temporal: () => Client;
  taskQueue: string;
  /** Faults injected on purpose (chaos runs only; none by default). */
  faults?: InjectedFaults;
}

export function createActivities(deps: ActivityDependencies) {
  return {
    recordEvents: createRecordEvents(deps),
    launchAppraisals: createLaunchAppraisals(deps),
    signalAppraisals: createSignalAppraisals(deps),
    calibrateUnits: createCalibrateUnits(deps),
    checkPeriodUnits: createCheckPeriodUnits(deps),
    organisationTimeZone: createOrganisationTimeZone(deps),
    sealCheckpoint: createSealCheckpoint(deps),
    ...createSkpLookups(deps),
  };
}
