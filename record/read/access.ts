// Authorisation and tenancy, decided here once for the HTTP API, the web pages and the commands: which
// organisation a principal may enter, which roles open which reach, whose tasks and notifications are
// theirs, and which audit ids belong to an organisation. Pure decisions over the principal and the read
// models' rows; the callers turn a "no" into their own answer (a 403/404 problem, a page, a redirect).
// Supervisor, reviewer and objection-reviewer rights are not decided here: they come from the appraisal
// itself, and the workflow's rules check them (domain/appraisal/guards.ts).
import type { Principal } from '../../auth/identity.ts';
import { parseAppraisalId, parseCycleId, parseStreamId } from '../../domain/ids.ts';

export type GrantedRole = Principal['roles'][number];

/** Tenancy: one's own organisation; every one for an auditor whose token says `org: "*"`. */
export function mayEnterOrganisation(principal: Principal, org: string): boolean {
  return org === principal.org || principal.allOrganisations;
}

/** The organisation a principal's reads are confined to; undefined when they may read every one. */
export function organisationScope(principal: Principal): string | undefined {
  return principal.allOrganisations ? undefined : principal.org;
}

export function holdsRole(principal: Principal, ...roles: readonly GrantedRole[]): boolean {
  return roles.some((role) => principal.roles.includes(role));
}

/** HR changes the organisation and its cycles. */
export const mayManageCycles = (principal: Principal) => holdsRole(principal, 'hr');
/** HR and auditors read a cycle's progress, distribution and results. */
export const mayReadCycles = (principal: Principal) => holdsRole(principal, 'hr', 'auditor');
/** Auditors read the event log: histories, states as of any moment, timelines, verification. */
export const mayAudit = (principal: Principal) => holdsRole(principal, 'auditor');

/** Whose tasks and notifications a principal gets: their own, and HR's when they hold the role. */
export interface Audience {
  org: string;
  nip: string;
  hr: boolean;
}

export function audienceOf(principal: Principal): Audience {
  return { org: principal.org, nip: principal.nip, hr: principal.roles.includes('hr') };
}

/** Whether a task (or a notification of one) is for this audience. */
export function isForAudience(
  audience: Audience,
  task: { orgId: string; assigneeNip: string | null; assigneeRole: string },
): boolean {
  return (
    task.orgId === audience.org &&
    (task.assigneeNip === audience.nip || (task.assigneeRole === 'hr' && audience.hr))
  );
}

// The event log has no organisation column: its ids carry it (domain/ids.ts). The organisation is
// decoded from the right, so `kab` never passes for `kab.bungo`, whose cycle is `kab.bungo.2027`.

export function cycleIsOf(org: string, cycleId: string): boolean {
  return parseCycleId(cycleId)?.orgId === org;
}

export function appraisalIsOf(org: string, appraisalId: string): boolean {
  const cycleId = parseAppraisalId(appraisalId)?.cycleId;
  return cycleId !== undefined && cycleIsOf(org, cycleId);
}

/** Only a cycle's own stream or one of its appraisals' streams, of this organisation. */
export function streamIsOf(org: string, streamId: string): boolean {
  const cycleId = parseStreamId(streamId)?.cycleId;
  return cycleId !== undefined && cycleIsOf(org, cycleId);
}

/** The people of one appraisal an access decision looks at (its read model's columns). */
export interface AppraisalParties {
  employeeNip: string;
  /** The rater (pejabat penilai kinerja). */
  raterNip: string | null;
  /** The rater's superior (atasan pejabat penilai), who rates once the rating has passed to them. */
  superiorNip: string | null;
  /** An acting rater (Plt/Plh) standing in now: they rate as the rater meanwhile. */
  actingNip?: string | null;
}

/**
 * The evaluation file (every period's realisations, feedback and ratings, the reviews' aggregates): for
 * the rater (and an acting rater while they stand in), the rater's superior, HR and auditors of the appraisal's organisation; never another
 * employee, the appraised one included (they read their own appraisal). Tenancy is the caller's check
 * (appraisalIsOf, mayEnterOrganisation).
 */
export function mayReadEvaluationFile(principal: Principal, parties: AppraisalParties): boolean {
  if (holdsRole(principal, 'hr', 'auditor')) return true;
  const { nip } = principal;
  const holders = [parties.raterNip, parties.superiorNip, parties.actingNip];
  return nip !== parties.employeeNip && holders.some((holder) => holder != null && holder === nip);
}

/** The people of one position in a standards round an access decision looks at. */
export interface RoundPositionParties {
  participants: ReadonlyArray<{ nip: string }>;
  leaderNips: readonly string[];
}

/**
 * A position in a standards round, its draft and every comment on it: for HR and auditors, and for the
 * people who comment on it (its holders and their supervisors) or may draft it (a unit leader), who see
 * each other's comments. Tenancy is the caller's check.
 */
export function maySeeRoundPosition(principal: Principal, parties: RoundPositionParties): boolean {
  if (holdsRole(principal, 'hr', 'auditor')) return true;
  const { nip } = principal;
  return parties.leaderNips.includes(nip) || parties.participants.some((p) => p.nip === nip);
}

/** A unit as the capaian decision sees it: the unit above it and who leads that one. */
export interface CapaianParties {
  parentCode: string | null;
  parentHeadNip: string | null;
}

/**
 * Who records a unit's capaian kinerja organisasi (SE MenPANRB 3/2023): the leader of the unit above it,
 * as `leader`; HR only as a named `delegate` (the caller requires the delegation's document reference),
 * for a unit whose leader above is outside siklus or has delegated it. Anyone else: null.
 */
export function capaianAuthority(
  principal: Principal,
  parties: CapaianParties,
): 'leader' | 'delegate' | null {
  if (parties.parentHeadNip !== null && parties.parentHeadNip === principal.nip) return 'leader';
  if (holdsRole(principal, 'hr')) return 'delegate';
  return null;
}

/**
 * An appraisal's official documents (the SKP, the Dokumen Evaluasi of a period, the decision on an
 * objection): for whoever reads its evaluation file, and for the employee their own SKP, periods'
 * evaluations and objection decision (which they read already on their own pages); the akhir's
 * evaluation only by those who read the file. Tenancy is the caller's check.
 */
export function mayReadDocument(
  principal: Principal,
  parties: AppraisalParties,
  document: { kind: 'skp' | 'evaluasi' | 'keberatan'; period: string | null },
): boolean {
  if (mayReadEvaluationFile(principal, parties)) return true;
  return (
    principal.nip === parties.employeeNip && (document.kind !== 'evaluasi' || document.period !== 'akhir')
  );
}

/** The people of one unit's penetapan an access decision looks at. */
export interface PenetapanParties {
  /** The unit's head, and the head of the unit above. */
  leaderNip: string | null;
  superiorNip: string | null;
  /** Whoever holds or signed the unit's penetapan (it passes to the superior, then HR, when late). */
  holderNips: ReadonlyArray<string | null>;
}

/**
 * A unit's Format Penetapan Predikat Kinerja (everyone's predikat in the unit): for HR and auditors, the
 * unit's leader, the leader above and whoever holds or signed it; not the unit's other employees.
 * Tenancy is the caller's check.
 */
export function mayReadPenetapan(principal: Principal, parties: PenetapanParties): boolean {
  if (holdsRole(principal, 'hr', 'auditor')) return true;
  const { nip } = principal;
  return [parties.leaderNip, parties.superiorNip, ...parties.holderNips].some((n) => n != null && n === nip);
}
