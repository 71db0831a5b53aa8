// A cycle's own events as sentences for the auditor's timeline: the catalogue key of each event type and
// the values it names (people and units by name where known, else by the NIP or code the log records).
import type { EventType } from '../../../domain/event-registry.ts';
import { type EventVariant, inSentence } from '../../../domain/vocabulary/vocabulary.ts';
import type { Translate } from '../i18n/index.ts';

type Data = Record<string, unknown>;
const text = (v: unknown) => (v === undefined || v === null ? '–' : String(v));

/** Names of people (by NIP) and units (by code), where known. */
export interface Names {
  people: Map<string, string>;
  units: Map<string, string>;
}

export function cycleEventLine(
  t: Translate,
  type: string,
  raw: unknown,
  names: Names = { people: new Map(), units: new Map() },
): { key: string; vars: Record<string, string | number> } {
  const d = (raw ?? {}) as Data;
  const person = (nip: unknown) => {
    const name = names.people.get(text(nip));
    return name ? `${name} (${text(nip)})` : text(nip);
  };
  const by = person(d.by);
  const unit = names.units.get(text(d.unitCode)) ?? text(d.unitCode);
  switch (type) {
    case 'cycle.started':
      return event(type, { by, year: text(d.year) });
    case 'cycle.launched':
      return event(type, { launched: text(d.launched), total: text(d.total) });
    case 'cycle.employeesAdded':
      return event(type, { by, count: (d.nips as unknown[] | undefined)?.length ?? 0 });
    case 'cycle.employeeRemoved':
      return event(type, { by, nip: person(d.nip), reason: text(d.reason) });
    case 'cycle.employeeRejoined':
      return event(type, {
        by,
        nip: person(d.nip),
        reason: text(d.reason),
        effectiveDate: text(d.effectiveDate),
      });
    case 'cycle.deadlineExtended':
      return event(type, {
        by,
        unit,
        step: inSentence(labelOf(t, 'step', d.step)),
        deadline: typeof d.deadline === 'string' ? t.dateTime(d.deadline) : '–',
      });
    case 'cycle.unitPredikatSet': {
      const predikat = labelOf(t, 'unitPredikat', d.predikat);
      return d.period === undefined
        ? event(type, { by, unit, predikat })
        : event('cycle.unitPredikatSet:period', { by, unit, predikat, period: text(d.period) });
    }
    case 'cycle.unitCalibrated': {
      const curve = d.curve as
        | { group: { unitCodes: string[] }; findings: Array<{ rule: string }>; conforms: boolean }
        | undefined;
      if (curve) {
        // Which group was checked, and under which pack: the auditor's answer to "by what rule".
        const group = curve.group.unitCodes.map((code) => names.units.get(code) ?? code).join(' + ');
        const findings = curve.findings.map((f) => labelOf(t, 'rule', f.rule)).join('; ');
        const pack = text(d.pack);
        return curve.conforms
          ? event('cycle.unitCalibrated:conforms', { unit, group, pack })
          : event('cycle.unitCalibrated:findings', { unit, group, pack, findings });
      }
      const violations = (d.violations as Array<{ rule: string }> | undefined) ?? [];
      return d.ok
        ? event(type, { unit })
        : event('cycle.unitCalibrated:broken', {
            unit,
            rules: violations.map((v) => labelOf(t, 'rule', v.rule)).join('; ') || '–',
          });
    }
    case 'cycle.penetapanOpened':
    case 'cycle.penetapanEscalated': {
      const assignee = d.assigneeNip ? person(d.assigneeNip) : t('penetapan.hr');
      const deadline = typeof d.deadline === 'string' ? t.dateTime(d.deadline) : '–';
      const findings = ((d.findings as Array<{ rule: string }> | undefined) ?? [])
        .map((f) => labelOf(t, 'rule', f.rule))
        .join('; ');
      return event(type, { unit, assignee, deadline, findings, pack: text(d.pack) });
    }
    case 'cycle.penetapanSigned': {
      const pack = text(d.pack);
      if (d.conforming) return event('cycle.penetapanSigned:conforming', { by, unit, pack });
      // The deviation as signed: each finding with the leader's justification, for the auditor.
      const justifications = ((d.justifications as Array<{ rule: string; text: string }> | undefined) ?? [])
        .map((j) => `${labelOf(t, 'rule', j.rule)} — ${j.text}`)
        .join('; ');
      return event(type, { by, unit, justifications, pack });
    }
    case 'cycle.periodPenetapanOpened':
    case 'cycle.periodPenetapanEscalated': {
      const assignee = d.assigneeNip ? person(d.assigneeNip) : t('penetapan.hr');
      const deadline = typeof d.deadline === 'string' ? t.dateTime(d.deadline) : '–';
      const findings =
        ((d.findings as Array<{ rule: string }> | undefined) ?? [])
          .map((f) => labelOf(t, 'rule', f.rule))
          .join('; ') || '–';
      const capaian = labelOf(t, 'unitPredikat', d.capaian);
      const period = text(d.period);
      return event(type, { unit, period, capaian, assignee, deadline, findings, pack: text(d.pack) });
    }
    case 'cycle.periodPenetapanSigned': {
      const pack = text(d.pack);
      const period = text(d.period);
      if (d.conforming) return event('cycle.periodPenetapanSigned:conforming', { by, unit, period, pack });
      const justifications = ((d.justifications as Array<{ rule: string; text: string }> | undefined) ?? [])
        .map((j) => `${labelOf(t, 'rule', j.rule)} — ${j.text}`)
        .join('; ');
      return event(type, { by, unit, period, justifications, pack });
    }
    case 'cycle.unitReleased':
      return event(type, { unit, employees: text(d.employees) });
    case 'cycle.calibrationDecided': {
      const applied = (d.applied as Array<{ nip: string; from: string; to: string }> | undefined) ?? [];
      const changes =
        applied
          .map((c) => `${person(c.nip)}: ${labelOf(t, 'predikat', c.from)} → ${labelOf(t, 'predikat', c.to)}`)
          .join('; ') || '–';
      const decision = labelOf(t, 'assistant.decision', d.decision);
      const vars = { by, unit, decision, changes, reason: text(d.reason) };
      // Refused by an appraisal after others were applied: said, each with its rule's code.
      const failed = (d.failed as Array<{ nip: string; to: string; code: string }> | undefined) ?? [];
      if (failed.length > 0)
        return event('cycle.calibrationDecided:partial', {
          ...vars,
          failed: failed
            .map((f) => `${person(f.nip)} → ${labelOf(t, 'predikat', f.to)} (${f.code})`)
            .join('; '),
        });
      return event(type, vars);
    }
    case 'cycle.curveRechecked': {
      // The objection's change, and the unit's curve on the counts after it.
      const change = {
        by,
        unit,
        nip: person(d.nip),
        from: labelOf(t, 'predikat', d.from),
        to: labelOf(t, 'predikat', d.to),
      };
      const curve = d.curve as
        | { group: { unitCodes: string[] }; findings: Array<{ rule: string }>; conforms: boolean }
        | undefined;
      if (!curve) return event(type, change);
      const group = curve.group.unitCodes.map((code) => names.units.get(code) ?? code).join(' + ');
      const pack = text(d.pack);
      if (curve.conforms) return event('cycle.curveRechecked:conforms', { ...change, group, pack });
      const findings = curve.findings.map((f) => labelOf(t, 'rule', f.rule)).join('; ');
      return event('cycle.curveRechecked:findings', { ...change, group, pack, findings });
    }
    case 'cycle.closed':
      return event(type, { by });
    default:
      return { key: 'cycleEvent.other', vars: { type } };
  }
}

/** The catalogue key of an event's sentence (domain/vocabulary, merged into the web's catalogue). */
const event = (type: EventType | EventVariant, vars: Record<string, string | number>) => ({
  key: `event.${type}`,
  vars,
});

function labelOf(t: Translate, prefix: string, value: unknown): string {
  try {
    return t(`${prefix}.${String(value)}`);
  } catch {
    return text(value);
  }
}
