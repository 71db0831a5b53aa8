// Seeds an organisation straight into the org tables, for workflow tests that do not exercise import.
export { type SeedEmployee, seedOrganisation } from '../../simulation/seed.ts';
