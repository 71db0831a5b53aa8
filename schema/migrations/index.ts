// Every migration, by name. Names sort in the order they run; append new ones, never rename or edit
// one that has shipped. Kept as a record (no filesystem scanning) so bundles and tsx behave alike.
import type { Migration } from 'kysely';
import { eventStoreMigration } from './0001-event-store.ts';
import * as organisation from './0002-organisation.ts';
import * as appraisalProjections from './0003-appraisal-projections.ts';
import * as cycleSeal from './0004-cycle-seal.ts';
import * as idempotency from './0005-idempotency.ts';
import * as idempotencyClaims from './0006-idempotency-claims.ts';
import * as organisationTimeZone from './0007-organisation-time-zone.ts';
import * as periodicPredikat from './0008-periodic-predikat.ts';
import * as employmentStatus from './0009-employment-status.ts';
import * as unitHeads from './0010-unit-heads.ts';
import * as measures from './0011-measures.ts';
import * as penetapan from './0012-penetapan.ts';
import * as standards from './0013-standards.ts';
import * as readTrail from './0014-read-trail.ts';
import * as periodPenetapan from './0016-period-penetapan.ts';
import * as masterData from './0017-master-data.ts';
import * as derivedCounts from './0019-derived-counts.ts';
import * as archivedHistories from './0020-archived-histories.ts';

export const migrations: Record<string, Migration> = {
  '0001-event-store': eventStoreMigration,
  '0002-organisation': organisation,
  '0003-appraisal-projections': appraisalProjections,
  '0004-cycle-seal': cycleSeal,
  '0005-idempotency': idempotency,
  '0006-idempotency-claims': idempotencyClaims,
  '0007-organisation-time-zone': organisationTimeZone,
  '0008-periodic-predikat': periodicPredikat,
  '0009-employment-status': employmentStatus,
  '0010-unit-heads': unitHeads,
  '0011-measures': measures,
  '0012-penetapan': penetapan,
  '0013-standards': standards,
  '0014-read-trail': readTrail,
  '0016-period-penetapan': periodPenetapan,
  '0017-master-data': masterData,
  '0019-derived-counts': derivedCounts,
  '0020-archived-histories': archivedHistories,
};
