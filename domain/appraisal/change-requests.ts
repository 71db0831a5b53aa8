// The shapes of HR's changes to a running appraisal (participant-changes.ts), as the API sends them in a
// Workflow Update: the workflow's validator checks them again before anything touches history. Loaded
// by workflows on the first such Update only (zod), as the command schemas are.
import { z } from 'zod';
import { nipSchema } from '../organisation/nip.ts';
import { skpSettingSchema } from './skp-schemas.ts';

const reason = z.string().trim().min(1).max(500);

export const raterChangeSchema = z.strictObject({
  raterNip: nipSchema,
  superiorNip: nipSchema.nullable(),
  reason,
  effectiveDate: z.iso.date(),
  by: nipSchema,
});

export const actingAppointmentSchema = z.strictObject({
  actingNip: nipSchema,
  from: z.iso.date(),
  to: z.iso.date(),
  timeZone: z.string().min(1).max(64),
  reason,
  by: nipSchema,
});

export const mutasiSchema = z.strictObject({
  kind: z.enum(['mutasi', 'promotion']),
  unitCode: z.string().min(1).max(64),
  positionCode: z.string().min(1).max(64),
  raterNip: nipSchema.nullable(),
  superiorNip: nipSchema.nullable(),
  skp: skpSettingSchema.optional(),
  reason,
  effectiveDate: z.iso.date(),
  by: nipSchema,
});
