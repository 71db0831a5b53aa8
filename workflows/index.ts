// Every workflow the siklus worker runs.
export { CycleWorkflow } from './cycle.ts';
export { EmployeeAppraisalWorkflow } from './employee-appraisal.ts';
export { StartNextCycleWorkflow } from './next-cycle.ts';
export { StandardsRoundWorkflow } from './standards-round.ts';
