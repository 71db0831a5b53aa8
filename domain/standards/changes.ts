// What a proposed standard changes against another (the draft it would replace): duties added and
// removed, RHK added, removed or reworded, indicators added, removed or changed (by id, else position).
// For the one who decides: the change in front of them, not two standards to compare by eye.
import type { Standard } from './payloads.ts';

export type StandardChange =
  | { kind: 'dutyAdded' | 'dutyRemoved'; text: string }
  | { kind: 'rhkAdded' | 'rhkRemoved'; text: string }
  | { kind: 'rhkChanged'; from: string; to: string }
  | { kind: 'indicatorAdded' | 'indicatorRemoved'; rhk: string; text: string }
  | {
      kind: 'indicatorChanged';
      rhk: string;
      text: string;
      field: 'description' | 'aspect' | 'target';
      from: string;
      to: string;
    };

export function standardChanges(from: Standard, to: Standard): StandardChange[] {
  const changes: StandardChange[] = [
    ...to.duties
      .filter((d) => !from.duties.includes(d))
      .map((text) => ({ kind: 'dutyAdded' as const, text })),
    ...from.duties
      .filter((d) => !to.duties.includes(d))
      .map((text) => ({ kind: 'dutyRemoved' as const, text })),
  ];
  // RHK and indicators are the same item when their ids are (the editor keeps them).
  for (const r of to.rhk) {
    const before = from.rhk.find((x) => x.id === r.id);
    if (!before) {
      changes.push({ kind: 'rhkAdded', text: r.description });
      continue;
    }
    if (before.description !== r.description)
      changes.push({ kind: 'rhkChanged', from: before.description, to: r.description });
    for (const ind of r.indicators) {
      const old = before.indicators.find((x) => x.id === ind.id);
      if (!old) {
        changes.push({ kind: 'indicatorAdded', rhk: r.description, text: ind.description });
        continue;
      }
      for (const field of ['description', 'aspect', 'target'] as const)
        if (old[field] !== ind[field])
          changes.push({
            kind: 'indicatorChanged',
            rhk: r.description,
            text: ind.description,
            field,
            from: old[field] ?? '',
            to: ind[field] ?? '',
          });
    }
    for (const old of before.indicators)
      if (!r.indicators.some((x) => x.id === old.id))
        changes.push({ kind: 'indicatorRemoved', rhk: r.description, text: old.description });
  }
  for (const old of from.rhk)
    if (!to.rhk.some((x) => x.id === old.id)) changes.push({ kind: 'rhkRemoved', text: old.description });
  return changes;
}
