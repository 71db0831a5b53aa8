// What another regulation pack would change in a finished year: each person's predikat re-decided from
// the same ratings by the other matrix, and each unit's distribution checked against the other patterns.
// Pure: the year's ratings come in, nothing is written.
import { checkDistribution, countPredikats, type DistributionViolation } from '../rating/distribution.ts';
import type { UnitPredikat } from '../rating/distribution-rules.ts';
import { type Predikat, predikatFor, type Rating } from '../rating/predikat.ts';
import type { RegulationPack } from './pack.ts';

export interface RatedPerson {
  nip: string;
  name: string;
  unitCode: string;
  results: Rating;
  behaviour: Rating;
  /** The predikat on record (after any objection). */
  predikat: Predikat;
}

export interface PersonChange {
  nip: string;
  name: string;
  unitCode: string;
  from: Predikat;
  to: Predikat;
}

export interface UnitImpact {
  unitCode: string;
  unitPredikat: UnitPredikat | null;
  /** Whether the unit's predikat on record follow its pattern in force; null without a capaian. */
  conformsNow: boolean | null;
  /** Whether the re-decided predikat follow the other pack's pattern; null without a capaian. */
  conformsUnder: boolean | null;
  findings: Array<Pick<DistributionViolation, 'rule' | 'message'>>;
}

export interface PackImpact {
  pack: string;
  inForce: string;
  people: PersonChange[];
  units: UnitImpact[];
}

export function packImpact(
  people: readonly RatedPerson[],
  capaian: ReadonlyMap<string, UnitPredikat | null>,
  inForce: RegulationPack,
  proposed: RegulationPack,
): PackImpact {
  const redecided = people.map((p) => ({ ...p, to: predikatFor(p.results, p.behaviour, proposed.matrix) }));
  const unitCodes = [...new Set([...people.map((p) => p.unitCode), ...capaian.keys()])].sort();
  const units = unitCodes.map((unitCode): UnitImpact => {
    const unitPredikat = capaian.get(unitCode) ?? null;
    const members = redecided.filter((p) => p.unitCode === unitCode);
    if (unitPredikat === null)
      return { unitCode, unitPredikat, conformsNow: null, conformsUnder: null, findings: [] };
    const now = checkDistribution(
      unitPredikat,
      countPredikats(members.map((p) => p.predikat)),
      inForce.distribution,
    );
    const under = checkDistribution(
      unitPredikat,
      countPredikats(members.map((p) => p.to)),
      proposed.distribution,
    );
    return {
      unitCode,
      unitPredikat,
      conformsNow: now.ok,
      conformsUnder: under.ok,
      findings: under.ok ? [] : under.violations.map(({ rule, message }) => ({ rule, message })),
    };
  });
  return {
    pack: proposed.id,
    inForce: inForce.id,
    people: redecided
      .filter((p) => p.to !== p.predikat)
      .map(({ nip, name, unitCode, predikat, to }) => ({ nip, name, unitCode, from: predikat, to })),
    units,
  };
}
