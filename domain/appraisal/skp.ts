// The SKP as PermenPANRB 6/2022 writes it: two forms and two approaches, and their rules. The form follows
// the position: JPT and the heads of independent units (pimpinan unit kerja mandiri) group their RHK as
// utama, instruksi khusus pimpinan and tambahan, each with a perspektif; JA and JF write RHK utama and
// tambahan, each naming the supervisor's RHK it supports (the cascade), with indicators by aspect. The
// approach is the cycle's: kualitatif (targets in words) or kuantitatif (a number with its satuan; the
// realisation is a number and the achievement a percentage). Appraisals started before the forms record
// no setting and keep the one shape of old. Free of zod: workflows import it (skp-schemas.ts has them).
import type { UnitPredikat } from '../rating/distribution-rules.ts';
import type { Rating } from '../rating/predikat.ts';

export const skpForms = ['jpt', 'jaJf'] as const;
export type SkpForm = (typeof skpForms)[number];

export const skpApproaches = ['kualitatif', 'kuantitatif'] as const;
export type SkpApproach = (typeof skpApproaches)[number];
/** What a cycle started without a choice gets: targets in words, as every SKP was before. */
export const defaultSkpApproach: SkpApproach = 'kualitatif';

/** RHK groups: JPT have all three, JA/JF utama and tambahan. */
export const rhkKinds = ['utama', 'instruksiKhusus', 'tambahan'] as const;
export type RhkKind = (typeof rhkKinds)[number];

export const perspektifs = ['penerimaLayanan', 'prosesBisnis', 'penguatanInternal', 'anggaran'] as const;
export type Perspektif = (typeof perspektifs)[number];

export const lampiranParts = ['dukunganSumberDaya', 'skemaPertanggungjawaban', 'konsekuensi'] as const;
export type LampiranPart = (typeof lampiranParts)[number];

/** What an appraisal records when it starts: its SKP's form and approach, and the unit its employee leads. */
export interface SkpSetting {
  form: SkpForm;
  approach: SkpApproach;
  /** The unit the appraised person leads: their rating hasil kerja is that unit's capaian. */
  ledUnitCode: string | null;
}

/** JPT, and whoever leads an independent unit whatever their position, write the JPT form. */
export function skpFormFor(positionKind: 'JPT' | 'JA' | 'JF', leadsIndependentUnit: boolean): SkpForm {
  return positionKind === 'JPT' || leadsIndependentUnit ? 'jpt' : 'jaJf';
}

/**
 * A unit leader's rating hasil kerja is the capaian kinerja organisasi of the unit (SE MenPANRB 3/2023):
 * Istimewa is above expectation, Baik meets it, the three lower outcomes are below it.
 */
export function ratingFromCapaian(capaian: UnitPredikat): Rating {
  return capaian === 'istimewa' ? 'diAtas' : capaian === 'baik' ? 'sesuai' : 'diBawah';
}

export interface SkpIndicator {
  id: string;
  description: string;
  aspect?: 'kuantitas' | 'kualitas' | 'waktu' | 'biaya' | undefined;
  /** Kualitatif: the target in words. */
  target?: string | undefined;
  /** Kuantitatif: the target's number and its unit of measure (satuan). */
  targetValue?: number | undefined;
  satuan?: string | undefined;
  /** Kuantitatif: less is better (a waiting time, a cost). */
  lowerIsBetter?: boolean | undefined;
  /** The measure of the unit it is bound to (domain/measures/). */
  measureCode?: string | undefined;
}

export interface SkpRhk {
  id: string;
  kind: RhkKind;
  description: string;
  parentRhkId: string | null;
  perspektif?: Perspektif | undefined;
  indicators: SkpIndicator[];
}

/**
 * The achievement of a kuantitatif realisation, in percent (one decimal): realisation over target, or
 * for a target where less is better, twice the target less the realisation, over the target (never below
 * 0). null where there is no number to compare (a kualitatif target, or a target of 0).
 */
export function achievementPercent(indicator: SkpIndicator, amount: number | undefined): number | null {
  const target = indicator.targetValue;
  if (target === undefined || amount === undefined || target === 0) return null;
  const ratio = indicator.lowerIsBetter ? 2 - amount / target : amount / target;
  return Math.round(Math.max(0, ratio) * 1000) / 10;
}

/** A rule of the form broken, with where: the RHK (and indicator) by place and id, and the field. */
export interface SkpIssue {
  code: string;
  message: string;
  field: string;
  rhk?: number;
  indicator?: number;
  rhkId?: string;
}

export interface Proposal {
  rhk: readonly SkpRhk[];
  ekspektasi?: Readonly<Record<string, string | undefined>> | undefined;
  lampiran?: Readonly<Record<string, readonly string[] | undefined>> | undefined;
}

/**
 * What is wrong with a proposed SKP for this setting (none: it fits). `supervisorRhk` is the ids of the
 * supervisor's agreed RHK (an empty list: the supervisor has none agreed), or undefined when not known:
 * the cascade is then not checked (the workflow checks it once it has looked it up). An appraisal
 * without a setting keeps the one shape of old: RHK utama or tambahan, each indicator an aspect and a
 * target in words.
 */
export function proposalIssues(
  setting: SkpSetting | undefined,
  proposal: Proposal,
  supervisorRhk: readonly string[] | undefined,
): SkpIssue[] {
  const issues: SkpIssue[] = [];
  const form = setting?.form ?? 'jaJf';
  const approach = setting?.approach ?? 'kualitatif';
  if (!setting) {
    for (const part of ['ekspektasi', 'lampiran'] as const)
      if (proposal[part] !== undefined)
        issues.push({ code: 'skp_form', field: part, message: `This appraisal's SKP has no ${part}` });
  }
  proposal.rhk.forEach((rhk, r) => {
    const at = { rhk: r, rhkId: rhk.id };
    const name = `RHK ${rhk.id} (${rhk.description})`;
    if (form === 'jaJf' && rhk.kind === 'instruksiKhusus')
      issues.push({
        ...at,
        code: 'skp_form',
        field: 'kind',
        message: `${name}: instruksi khusus pimpinan belong to the JPT form`,
      });
    if (form === 'jpt' && rhk.perspektif === undefined)
      issues.push({ ...at, code: 'skp_form', field: 'perspektif', message: `${name} needs a perspektif` });
    if (form === 'jaJf' && rhk.perspektif !== undefined)
      issues.push({
        ...at,
        code: 'skp_form',
        field: 'perspektif',
        message: `${name}: a perspektif belongs to the JPT form`,
      });
    issues.push(...cascadeIssues(form, rhk, r, supervisorRhk));
    rhk.indicators.forEach((ind, i) => {
      const where = { ...at, indicator: i };
      const iname = `${name}, indicator ${ind.id}`;
      if (form === 'jaJf' && ind.aspect === undefined)
        issues.push({ ...where, code: 'skp_form', field: 'aspect', message: `${iname} needs an aspect` });
      if (approach === 'kualitatif') {
        if (ind.target === undefined)
          issues.push({
            ...where,
            code: 'skp_approach',
            field: 'target',
            message: `${iname} needs a target`,
          });
        for (const field of ['targetValue', 'satuan', 'lowerIsBetter'] as const)
          if (ind[field] !== undefined)
            issues.push({
              ...where,
              code: 'skp_approach',
              field,
              message: `${iname}: the kualitatif approach describes targets in words`,
            });
      } else {
        if (ind.targetValue === undefined)
          issues.push({
            ...where,
            code: 'skp_approach',
            field: 'targetValue',
            message: `${iname} needs a target number (kuantitatif approach)`,
          });
        if (ind.satuan === undefined)
          issues.push({
            ...where,
            code: 'skp_approach',
            field: 'satuan',
            message: `${iname} needs the target's satuan (kuantitatif approach)`,
          });
        if (ind.target !== undefined)
          issues.push({
            ...where,
            code: 'skp_approach',
            field: 'target',
            message: `${iname}: the kuantitatif approach gives a number and a satuan, not words`,
          });
      }
    });
  });
  return issues;
}

/**
 * The cascade ("RHK pimpinan yang diintervensi"): in the JA/JF form, when the supervisor has an agreed
 * SKP, each RHK utama names one of its RHK; any RHK that names one must name one that is there.
 */
function cascadeIssues(
  form: SkpForm,
  rhk: SkpRhk,
  r: number,
  supervisorRhk: readonly string[] | undefined,
): SkpIssue[] {
  if (supervisorRhk === undefined) return [];
  const at = { rhk: r, rhkId: rhk.id, field: 'parentRhkId' };
  const name = `RHK ${rhk.id} (${rhk.description})`;
  if (rhk.parentRhkId !== null && !supervisorRhk.includes(rhk.parentRhkId))
    return [
      {
        ...at,
        code: 'cascade_unknown',
        message:
          supervisorRhk.length === 0
            ? `${name} names the supervisor's RHK ${rhk.parentRhkId}, but the supervisor has no agreed SKP`
            : `${name} names the supervisor's RHK ${rhk.parentRhkId}, which is not in the supervisor's agreed SKP`,
      },
    ];
  if (form === 'jaJf' && rhk.kind === 'utama' && rhk.parentRhkId === null && supervisorRhk.length > 0)
    return [
      {
        ...at,
        code: 'cascade_required',
        message: `${name} is an RHK utama: it must name the RHK of the supervisor's agreed SKP it supports`,
      },
    ];
  return [];
}

export interface RealisationInput {
  indicatorId: string;
  value?: string | undefined;
  amount?: number | undefined;
}

/**
 * What is wrong with realisations for this setting: kuantitatif takes a number (`amount`) for each
 * indicator, kualitatif (and the shape of old) words (`value`).
 */
export function realisationIssues(
  setting: SkpSetting | undefined,
  realisations: readonly RealisationInput[],
): SkpIssue[] {
  const kuantitatif = setting?.approach === 'kuantitatif';
  return realisations.flatMap((r, i): SkpIssue[] => {
    if (kuantitatif && r.amount === undefined)
      return [
        {
          code: 'skp_approach',
          field: `realisations.${i}.amount`,
          message: `The realisation of indicator ${r.indicatorId} is a number (kuantitatif approach)`,
        },
      ];
    if (!kuantitatif && r.value === undefined)
      return [
        {
          code: 'skp_approach',
          field: `realisations.${i}.value`,
          message: `The realisation of indicator ${r.indicatorId} is described in words`,
        },
      ];
    if (!kuantitatif && r.amount !== undefined)
      return [
        {
          code: 'skp_approach',
          field: `realisations.${i}.amount`,
          message: `Indicator ${r.indicatorId}: the kualitatif approach describes the realisation in words`,
        },
      ];
    return [];
  });
}
