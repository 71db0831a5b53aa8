// What the calibration drill asks of its record: every unit of the cycle released exactly once, and no
// checkpoint seal made twice (more release seals than units, or a seal over the same log as the one before).
export interface ReleaseFigures {
  lostEvents: number;
  duplicatedEvents: number;
  findings: string[];
}

export function checkReleases(
  unitCodes: readonly string[],
  /** How many `cycle.unitReleased` events each unit has. */
  released: ReadonlyMap<string, number>,
  /** The cycle's seals, in order. */
  seals: ReadonlyArray<{ sequence: number; reason: string; position: number }>,
): ReleaseFigures {
  const result: ReleaseFigures = { lostEvents: 0, duplicatedEvents: 0, findings: [] };
  for (const unitCode of unitCodes) {
    const times = released.get(unitCode) ?? 0;
    if (times === 1) continue;
    result.findings.push(`drill: unit ${unitCode} released ${times} times`);
    if (times === 0) result.lostEvents++;
    else result.duplicatedEvents += times - 1;
  }
  for (const [unitCode, times] of released)
    if (!unitCodes.includes(unitCode)) {
      result.findings.push(`drill: unit ${unitCode} released ${times} times, not a unit of the cycle`);
      result.duplicatedEvents += times;
    }
  const releaseSeals = seals.filter((s) => s.reason === 'release').length;
  if (releaseSeals > unitCodes.length) {
    result.findings.push(`drill: ${releaseSeals} release seals for ${unitCodes.length} units`);
    result.duplicatedEvents += releaseSeals - unitCodes.length;
  }
  seals.forEach((seal, i) => {
    if (i === 0 || seal.position !== seals[i - 1]?.position) return;
    result.findings.push(`drill: seal ${seal.sequence} over the same log as the one before`);
    result.duplicatedEvents++;
  });
  return result;
}

/** What the drill's record holds at a moment: units calibrated, units released, release seals made. */
export interface DrillRecord {
  unitsCalibrated: number;
  unitsReleased: number;
  releaseSeals: number;
}

/**
 * Whether the drill's kill fell inside the calibration: the worker was parked there (its line), the record
 * at the kill shows it begun (a unit's calibration recorded) and not finished (a unit not yet released).
 */
export function checkKillInsideCalibration(
  parked: string | undefined,
  before: DrillRecord,
  units: number,
): { inside: boolean; findings: string[] } {
  const findings: string[] = [];
  if (!parked) findings.push('drill: the worker was not parked in the calibration when it was killed');
  if (before.unitsCalibrated === 0)
    findings.push('drill: the kill fell before the calibration (no unit calibrated yet)');
  if (before.unitsReleased >= units)
    findings.push(`drill: the kill fell after the calibration (${before.unitsReleased}/${units} released)`);
  return { inside: findings.length === 0, findings };
}
