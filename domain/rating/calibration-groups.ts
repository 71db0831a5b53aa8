// Calibration groups (SE MenPANRB 3/2023): the curve of a unit with few rated people says little, so such
// a unit is checked together with a larger group. HR may name groups; otherwise a unit with fewer rated
// people than the regulation pack's small-unit size is checked together with its parent unit. Pure.

export interface CalibrationGroup {
  /** Why these units: the unit alone, with its parent (small unit), or a group HR named. */
  reason: 'alone' | 'withParent' | 'named';
  /** The group HR named, when it is one. */
  name?: string;
  /** The units whose people are counted, the checked unit first. */
  unitCodes: string[];
}

export interface GroupedUnit {
  code: string;
  parentCode: string | null;
  /** Rated people of the unit in this cycle. */
  rated: number;
}

/**
 * The group each unit is checked with. A unit in a group HR named is checked with that group; otherwise a
 * small unit (rated < smallUnitSize) with a parent among `units` is checked with its parent's own
 * people; any other unit alone. A parent is never merged further up: one level, as the circular says.
 */
export function calibrationGroupOf(
  unitCode: string,
  units: readonly GroupedUnit[],
  smallUnitSize: number,
  named: ReadonlyArray<{ name: string; unitCodes: readonly string[] }> = [],
): CalibrationGroup {
  const group = named.find((g) => g.unitCodes.includes(unitCode));
  if (group)
    return {
      reason: 'named',
      name: group.name,
      unitCodes: [unitCode, ...group.unitCodes.filter((c) => c !== unitCode)],
    };
  const unit = units.find((u) => u.code === unitCode);
  const parent = unit?.parentCode ? units.find((u) => u.code === unit.parentCode) : undefined;
  if (unit && parent && unit.rated < smallUnitSize)
    return { reason: 'withParent', unitCodes: [unitCode, parent.code] };
  return { reason: 'alone', unitCodes: [unitCode] };
}

/** Sums the counts of a group's units. */
export function groupCounts<P extends string>(
  group: CalibrationGroup,
  countsOf: (unitCode: string) => Readonly<Partial<Record<P, number>>>,
): Partial<Record<P, number>> {
  const sum: Partial<Record<P, number>> = {};
  for (const code of group.unitCodes)
    for (const [p, n] of Object.entries(countsOf(code)) as Array<[P, number]>) sum[p] = (sum[p] ?? 0) + n;
  return sum;
}
