// The cycle workflow's checkpoint seals (daily, at a unit's release, at a penetapan's signature):
// idempotent, so a retry writes no second seal and a day in which nothing moved writes none at all
// (record/projections/checkpoint-seals.ts).
import type { Kysely } from 'kysely';
import {
  type CheckpointOutcome,
  type CheckpointRequest,
  sealCheckpoint,
} from '../record/projections/checkpoint-seals.ts';
import type { Database } from '../schema/database.ts';

export type SealCheckpointInput = CheckpointRequest;

export function createSealCheckpoint(deps: { db: Kysely<Database> }) {
  return (input: SealCheckpointInput): Promise<CheckpointOutcome> => sealCheckpoint(deps.db, input);
}
