// The calibration assistant: for a unit whose curve has findings, the smallest set of rating changes that
// would make it conform, each change with the person's evidence (their periodic predikat) and a flag when
// the evidence does not support it. A proposal for the leader, who applies it (as the rater's own rating
// events), adjusts it or rejects it; it changes nothing by itself. Pure and deterministic: the same people
// give the same proposal.
import type { CalibrationGroup } from './calibration-groups.ts';
import { checkCurve } from './curve-check.ts';
import type { DistributionRules, UnitPredikat } from './distribution-rules.ts';
import { distributionRules } from './distribution-rules.ts';
import { type Predikat, predikats } from './predikat.ts';

export interface AssistantPerson {
  nip: string;
  predikat: Predikat;
  /** The person's periodic predikat (TW1 ...), oldest first: the evidence a change is weighed against. */
  periodic: ReadonlyArray<{ period: string; predikat: Predikat }>;
}

export interface ProposedChange {
  nip: string;
  from: Predikat;
  to: Predikat;
  evidence: ReadonlyArray<{ period: string; predikat: Predikat }>;
  /** True when at least one periodic predikat is at `to` or beyond it in the change's direction. */
  supported: boolean;
}

export type AssistantProposal =
  | { kind: 'conforms' }
  | { kind: 'changes'; changes: ProposedChange[] }
  /** No set of at most `maxChanges` changes of the unit's own people makes it conform. */
  | { kind: 'none'; maxChanges: number };

export const defaultMaxChanges = 6;

const rank = (p: Predikat) => predikats.indexOf(p);
type Counts = Record<Predikat, number>;
type Move = readonly [Predikat, Predikat];

/**
 * Searches the fewest moves of the unit's own people between predikat (breadth first, moves in the
 * fixed order of `predikats`), over the group's counts; of the smallest sets found, the one whose
 * changes the evidence supports most, the first on a tie.
 */
export function proposeCalibration(
  unitCode: string,
  unitPredikat: UnitPredikat,
  group: CalibrationGroup,
  groupCounts: Readonly<Partial<Counts>>,
  people: readonly AssistantPerson[],
  options: { rules?: DistributionRules; maxChanges?: number } = {},
): AssistantProposal {
  const rules = options.rules ?? distributionRules;
  const maxChanges = options.maxChanges ?? defaultMaxChanges;
  const start = Object.fromEntries(predikats.map((p) => [p, groupCounts[p] ?? 0])) as Counts;
  const conforms = (c: Counts) => checkCurve(unitCode, unitPredikat, group, c, rules).conforms;
  if (conforms(start)) return { kind: 'conforms' };
  // Only the unit's own people move: at most as many out of a predikat as the unit has in it.
  const movable = Object.fromEntries(predikats.map((p) => [p, 0])) as Counts;
  for (const person of people) movable[person.predikat] += 1;

  let frontier: Array<{ counts: Counts; moves: Move[]; out: Counts }> = [
    { counts: start, moves: [], out: zero() },
  ];
  const seen = new Set([key(start)]);
  for (let depth = 1; depth <= maxChanges; depth++) {
    const next: typeof frontier = [];
    const found: Move[][] = [];
    for (const node of frontier)
      for (const from of predikats)
        for (const to of predikats) {
          if (from === to || node.counts[from] === 0 || node.out[from] >= movable[from]) continue;
          const counts = { ...node.counts, [from]: node.counts[from] - 1, [to]: node.counts[to] + 1 };
          const moves = [...node.moves, [from, to] as const];
          if (conforms(counts)) found.push(moves);
          const k = key(counts);
          if (seen.has(k)) continue;
          seen.add(k);
          next.push({ counts, moves, out: { ...node.out, [from]: node.out[from] + 1 } });
        }
    if (found.length > 0) {
      const proposals = found.map((moves) => assign(moves, people));
      const best = proposals.reduce((a, b) => (supportedCount(b) > supportedCount(a) ? b : a));
      return { kind: 'changes', changes: best };
    }
    frontier = next;
  }
  return { kind: 'none', maxChanges };
}

/** Who moves for each move: the person whose evidence is nearest the new predikat (then by NIP). */
function assign(moves: readonly Move[], people: readonly AssistantPerson[]): ProposedChange[] {
  const taken = new Set<string>();
  return moves.map(([from, to]) => {
    const candidates = people
      .filter((p) => p.predikat === from && !taken.has(p.nip))
      .map((p) => ({ person: p, distance: evidenceDistance(p, to) }))
      .sort((a, b) => a.distance - b.distance || a.person.nip.localeCompare(b.person.nip));
    const chosen = candidates[0]?.person;
    if (!chosen) throw new Error(`no one of ${from} left to move`); // excluded by the search's bound
    taken.add(chosen.nip);
    return { nip: chosen.nip, from, to, evidence: chosen.periodic, supported: supports(chosen, from, to) };
  });
}

/** The periodic evidence supports a change when some period is at the new predikat or beyond it. */
export function supports(person: Pick<AssistantPerson, 'periodic'>, from: Predikat, to: Predikat): boolean {
  const down = rank(to) > rank(from);
  return person.periodic.some((e) => (down ? rank(e.predikat) >= rank(to) : rank(e.predikat) <= rank(to)));
}

/** How far the person's periodic predikat lie from a predikat on average; without evidence, farthest. */
function evidenceDistance(person: AssistantPerson, to: Predikat): number {
  if (person.periodic.length === 0) return Number.MAX_SAFE_INTEGER;
  const sum = person.periodic.reduce((s, e) => s + Math.abs(rank(e.predikat) - rank(to)), 0);
  return sum / person.periodic.length;
}

const supportedCount = (changes: readonly ProposedChange[]) => changes.filter((c) => c.supported).length;
const key = (c: Counts) => predikats.map((p) => c[p]).join(',');
const zero = () => Object.fromEntries(predikats.map((p) => [p, 0])) as Counts;
