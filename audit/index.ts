// What auditors get: replay as of any moment, the projections rebuilt and compared, a cycle verified
// end to end (chains, schemas, projections, seal), readable timelines, and the Temporal histories
// exported and replayed. Everything but the histories reads the event log alone.
export { type CycleState, evolveCycle, initialCycleState, type UnitState } from '../domain/cycle/state.ts';
export { type Seal, sealCycle, sealDigest } from '../record/projections/cycle-seal.ts';
export { cycleStreamIds } from '../record/projections/cycle-streams.ts';
export { AuditError, type AuditErrorCode } from './errors.ts';
export {
  type ArchiveSummary,
  archiveCycleHistories,
  type CycleHistory,
  cycleWorkflowIds,
  exportCycleHistories,
  type ReplayOutcome,
  readCycleHistories,
  replayCycleHistories,
} from './histories.ts';
export { historyFromJSON, historyToJSON } from './history-json.ts';
export {
  type RebuildOptions,
  type RebuildReport,
  rebuildProjections,
  type TableDifference,
} from './rebuild-projections.ts';
export { checkSeal, type SealCheck } from './seal.ts';
export { type AppraisalAsOf, type AsOf, type CycleAsOf, stateAsOf } from './state-as-of.ts';
export { appraisalTimeline, formatTimeline, type Lang, type TimelineEntry } from './timeline.ts';
export {
  type AuditFinding,
  type AuditProblem,
  type CycleVerification,
  type VerifyPhase,
  verifyCycle,
} from './verify-cycle.ts';
