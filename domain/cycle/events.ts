// Events of a cycle stream (one organisation, one year), written by the CycleWorkflow only.
import { z } from 'zod';
import { periodIdSchema } from '../appraisal/payloads.ts';
import { stepSchema } from '../appraisal/types.ts';
import type { EventOf } from '../event-of.ts';
import { nipSchema } from '../organisation/nip.ts';
import { unitPredikatSchema } from '../rating/distribution-rules.ts';
import { predikatSchema } from '../rating/predikat-schemas.ts';
import { capaianAuthorities } from './capaian.ts';
import { penetapanStages } from './penetapan.ts';

const at = z.iso.datetime({ offset: true });

const curveRuleSchema = z.object({
  rule: z.string(),
  met: z.boolean(),
  message: z.string(),
  actual: z.number().int(),
  limit: z.number().int(),
  total: z.number().int(),
});
export const curveSchema = z.object({
  group: z.object({
    reason: z.enum(['alone', 'withParent', 'named']),
    name: z.string().optional(),
    unitCodes: z.array(z.string()),
  }),
  counts: z.partialRecord(predikatSchema, z.number().int()),
  rules: z.array(curveRuleSchema),
  findings: z.array(curveRuleSchema),
  conforms: z.boolean(),
});

/** Who a cycle covers; strict, as HR sends it in a request. */
export const populationSchema = z.strictObject({
  unitCodes: z.array(z.string().min(1)).optional(),
  positionCodes: z.array(z.string().min(1)).optional(),
});
export type Population = z.infer<typeof populationSchema>;

/** A curve's broken rules as a penetapan lists them. */
const findingsSchema = z.array(z.object({ rule: z.string(), message: z.string() }));

/** A penetapan's signature, the year's or a period's: who signed at which stage, and on what. */
const penetapanSignature = {
  by: nipSchema,
  as: z.enum(penetapanStages),
  conforming: z.boolean(),
  findings: findingsSchema,
  justifications: z.array(z.object({ rule: z.string(), text: z.string() })),
  pack: z.string(),
  at,
};

export const cycleEventSchemas = {
  'cycle.started': z.object({
    cycleId: z.string(),
    orgId: z.string(),
    year: z.number().int(),
    calendar: z.record(z.string(), z.unknown()),
    population: populationSchema,
    by: nipSchema,
    at,
  }),
  'cycle.launched': z.object({
    launched: z.number().int(),
    alreadyRunning: z.number().int(),
    /** Members of the cycle after this launch. */
    total: z.number().int().default(0),
    at,
  }),
  'cycle.employeesAdded': z.object({ nips: z.array(nipSchema), by: nipSchema, at }),
  'cycle.employeeRemoved': z.object({ nip: nipSchema, reason: z.string().min(1), by: nipSchema, at }),
  /** A leaver came back: a new appraisal of theirs starts in the same cycle (the cancelled one stays). */
  'cycle.employeeRejoined': z.object({
    nip: nipSchema,
    reason: z.string().min(1),
    effectiveDate: z.iso.date(),
    by: nipSchema,
    at,
  }),
  'cycle.deadlineExtended': z.object({
    unitCode: z.string(),
    step: stepSchema,
    deadline: at,
    by: nipSchema,
    at,
  }),
  'cycle.unitPredikatSet': z.object({
    unitCode: z.string(),
    predikat: unitPredikatSchema,
    /** The evaluation period (TW1 ...) whose capaian this is; absent: the year's, which calibration uses. */
    period: periodIdSchema.optional(),
    by: nipSchema,
    /** Who `by` set it as: the leader of the unit above, or HR as a named delegate (with `document`). */
    as: z.enum(capaianAuthorities).optional(),
    /** The delegation's document reference (an SK number). */
    document: z.string().optional(),
    /** The basis: a note and links to the evidence. */
    note: z.string().optional(),
    links: z.array(z.string()).optional(),
    at,
  }),
  'cycle.unitCalibrated': z.object({
    unitCode: z.string(),
    unitPredikat: unitPredikatSchema.nullable(),
    counts: z.partialRecord(predikatSchema, z.number().int()),
    ok: z.boolean(),
    violations: z.array(z.object({ rule: z.string(), message: z.string() })),
    /** The curve check for the penetapan: every rule with its counts, over the group named. */
    curve: curveSchema.optional(),
    /** The regulation pack the curve was checked under (domain/regulation/pack.ts). */
    pack: z.string().optional(),
    at,
  }),
  /** A unit's curve has findings: its penetapan waits for the leader's signature (penetapan.ts). */
  'cycle.penetapanOpened': z.object({
    unitCode: z.string(),
    leaderNip: nipSchema.nullable(),
    superiorNip: nipSchema.nullable(),
    stage: z.enum(penetapanStages),
    /** Who signs now; null at HR's stage. */
    assigneeNip: nipSchema.nullable(),
    deadline: at,
    findings: findingsSchema,
    pack: z.string(),
    at,
  }),
  /** Unsigned by its deadline: it passed to the leader's superior, or to HR. */
  'cycle.penetapanEscalated': z.object({
    unitCode: z.string(),
    from: z.enum(penetapanStages),
    to: z.enum(penetapanStages),
    assigneeNip: nipSchema.nullable(),
    deadline: at,
    at,
  }),
  /** Signed: not conforming with a justification per finding (or conforming); the unit is released. */
  'cycle.penetapanSigned': z.object({
    unitCode: z.string(),
    ...penetapanSignature,
  }),
  /** A period's ratings are in: the penetapan of the unit's capaian for it waits for the leader (period-penetapan.ts). */
  'cycle.periodPenetapanOpened': z.object({
    unitCode: z.string(),
    period: periodIdSchema,
    leaderNip: nipSchema.nullable(),
    superiorNip: nipSchema.nullable(),
    stage: z.enum(penetapanStages),
    assigneeNip: nipSchema.nullable(),
    deadline: at,
    /** Each stage's deadline, from the calendar. */
    deadlines: z.object({ leader: at, superior: at, hr: at }),
    capaian: unitPredikatSchema,
    /** The period's predikat over the unit's calibration group. */
    counts: z.partialRecord(predikatSchema, z.number().int()),
    findings: findingsSchema,
    pack: z.string(),
    at,
  }),
  'cycle.periodPenetapanEscalated': z.object({
    unitCode: z.string(),
    period: periodIdSchema,
    from: z.enum(penetapanStages),
    to: z.enum(penetapanStages),
    assigneeNip: nipSchema.nullable(),
    deadline: at,
    at,
  }),
  'cycle.periodPenetapanSigned': z.object({
    unitCode: z.string(),
    period: periodIdSchema,
    ...penetapanSignature,
  }),
  /**
   * The holder of a unit's penetapan decided on the calibration assistant's proposal: applied it as
   * proposed, adjusted it, or rejected it. Applied changes are the raters' rating events (rating.set with
   * its `calibration`); this records the decision, the proposal and why.
   */
  'cycle.calibrationDecided': z.object({
    unitCode: z.string(),
    by: nipSchema,
    as: z.enum(penetapanStages),
    decision: z.enum(['applied', 'adjusted', 'rejected']),
    proposed: z.array(z.object({ nip: nipSchema, from: predikatSchema, to: predikatSchema })),
    applied: z.array(z.object({ nip: nipSchema, from: predikatSchema, to: predikatSchema })),
    /** Decided on but not applied: refused by the appraisal after others were applied (a race), or not tried after it. */
    failed: z
      .array(z.object({ nip: nipSchema, from: predikatSchema, to: predikatSchema, code: z.string() }))
      .optional(),
    reason: z.string(),
    at,
  }),
  'cycle.unitReleased': z.object({ unitCode: z.string(), employees: z.number().int(), at }),
  /**
   * An objection's decision changed a person's predikat: the unit's curve checked again on the counts
   * after it (over its calibration group, under the pack in force). Absent curve: the unit has no capaian.
   */
  'cycle.curveRechecked': z.object({
    unitCode: z.string(),
    appraisalId: z.string(),
    nip: nipSchema,
    from: predikatSchema,
    to: predikatSchema,
    /** Who decided the objection. */
    by: nipSchema,
    curve: curveSchema.optional(),
    pack: z.string().optional(),
    at,
  }),
  'cycle.closed': z.object({ by: nipSchema, at }),
} as const;

export type CycleEventType = keyof typeof cycleEventSchemas;
export type CycleEvent = EventOf<typeof cycleEventSchemas>;
