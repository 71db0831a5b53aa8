// The access decisions the API, the web and the commands share: tenancy, roles, whose tasks are whose,
// and which audit ids belong to an organisation.
import { describe, expect, it } from 'vitest';
import type { Principal } from '../../../auth/identity.ts';
import {
  appraisalIsOf,
  audienceOf,
  capaianAuthority,
  cycleIsOf,
  holdsRole,
  isForAudience,
  mayAudit,
  mayEnterOrganisation,
  mayManageCycles,
  mayReadCycles,
  mayReadDocument,
  mayReadEvaluationFile,
  maySeeRoundPosition,
  organisationScope,
  streamIsOf,
} from '../../../record/read/access.ts';

const nip = '199001012015031001';
const other = '198505052010011002';
const who = (roles: Principal['roles'], org = 'bungo'): Principal => ({
  nip,
  org,
  roles,
  allOrganisations: org === '*' && roles.includes('auditor'),
});
const employee = who(['employee']);
const hr = who(['hr', 'employee']);
const auditor = who(['auditor']);
const everyOrgAuditor = who(['auditor'], '*');

describe('access', () => {
  it('lets a principal into their own organisation only, and an auditor of "*" into every one', () => {
    expect(mayEnterOrganisation(employee, 'bungo')).toBe(true);
    expect(mayEnterOrganisation(employee, 'tebo')).toBe(false);
    expect(mayEnterOrganisation(who(['hr'], '*'), 'tebo')).toBe(false);
    expect(mayEnterOrganisation(everyOrgAuditor, 'tebo')).toBe(true);
    expect(organisationScope(auditor)).toBe('bungo');
    expect(organisationScope(everyOrgAuditor)).toBeUndefined();
    expect(organisationScope(who(['hr'], '*'))).toBe('*');
  });

  it('opens each reach to its roles', () => {
    expect([employee, hr, auditor].map(mayManageCycles)).toEqual([false, true, false]);
    expect([employee, hr, auditor].map(mayReadCycles)).toEqual([false, true, true]);
    expect([employee, hr, auditor].map(mayAudit)).toEqual([false, false, true]);
    expect(holdsRole(hr, 'auditor', 'hr')).toBe(true);
    expect(holdsRole(employee)).toBe(false);
  });

  it("gives a person their own tasks, and HR's tasks only to HR, within the organisation", () => {
    const mine = { orgId: 'bungo', assigneeNip: nip, assigneeRole: 'employee' };
    const hrTask = { orgId: 'bungo', assigneeNip: null, assigneeRole: 'hr' };
    const someoneElses = { orgId: 'bungo', assigneeNip: other, assigneeRole: 'supervisor' };
    expect(audienceOf(hr)).toEqual({ org: 'bungo', nip, hr: true });
    expect(isForAudience(audienceOf(employee), mine)).toBe(true);
    expect(isForAudience(audienceOf(employee), hrTask)).toBe(false);
    expect(isForAudience(audienceOf(hr), hrTask)).toBe(true);
    expect(isForAudience(audienceOf(hr), someoneElses)).toBe(false);
    expect(isForAudience(audienceOf(who(['employee'], 'tebo')), mine)).toBe(false);
    expect(isForAudience(audienceOf(who(['hr'], 'tebo')), hrTask)).toBe(false);
  });

  it("reads an organisation's own cycle, appraisal and stream ids only", () => {
    expect(cycleIsOf('bungo', 'bungo.2027')).toBe(true);
    expect(cycleIsOf('bungo', 'tebo.2027')).toBe(false);
    expect(cycleIsOf('bungo', 'bungo2027')).toBe(false);
    expect(appraisalIsOf('bungo', `bungo.2027.${nip}`)).toBe(true);
    expect(appraisalIsOf('bungo', `tebo.2027.${nip}`)).toBe(false);
    expect(streamIsOf('bungo', 'cycle-bungo.2027')).toBe(true);
    expect(streamIsOf('bungo', `appraisal-bungo.2027.${nip}`)).toBe(true);
    expect(streamIsOf('bungo', 'cycle-tebo.2027')).toBe(false);
    // Only cycle and appraisal streams: not another kind of stream that happens to name the org.
    expect(streamIsOf('bungo', 'organisation-bungo.units')).toBe(false);
  });

  it("opens an evaluation file to the rater, the rater's superior, HR and auditors, never another employee", () => {
    const superior = '197703032000031003';
    const parties = { employeeNip: other, raterNip: nip, superiorNip: superior };
    const as = (n: string, roles: Principal['roles'] = ['employee']) => ({ ...who(roles), nip: n });
    expect(mayReadEvaluationFile(employee, parties)).toBe(true); // nip is the rater
    expect(mayReadEvaluationFile(as(superior), parties)).toBe(true);
    expect(mayReadEvaluationFile(as('199909092020121007', ['hr', 'employee']), parties)).toBe(true);
    expect(mayReadEvaluationFile(as('199909092020121007', ['auditor']), parties)).toBe(true);
    // A colleague, and the appraised employee too: they read their own appraisal, not the rater's file.
    expect(mayReadEvaluationFile(as('199909092020121007'), parties)).toBe(false);
    expect(mayReadEvaluationFile(as(other), parties)).toBe(false);
    // Nobody is the rater of an appraisal that has none.
    expect(mayReadEvaluationFile(employee, { ...parties, raterNip: null, superiorNip: null })).toBe(false);
    // An acting rater while they stand in, and not after.
    const acting = '198909092014022010';
    expect(mayReadEvaluationFile(as(acting), { ...parties, actingNip: acting })).toBe(true);
    expect(mayReadEvaluationFile(as(acting), { ...parties, actingNip: null })).toBe(false);
  });

  it("shows a round's position to HR and auditors, its participants and its unit's leader, nobody else", () => {
    const position = { participants: [{ nip: other }], leaderNips: [] as string[] };
    expect(maySeeRoundPosition(hr, position)).toBe(true);
    expect(maySeeRoundPosition(auditor, position)).toBe(true);
    expect(maySeeRoundPosition(employee, position)).toBe(false);
    expect(maySeeRoundPosition(employee, { ...position, participants: [{ nip }] })).toBe(true);
    expect(maySeeRoundPosition(employee, { ...position, leaderNips: [nip] })).toBe(true);
  });
});

describe("who records a unit's capaian", () => {
  const person = (nip: string, roles: Principal['roles']): Principal => ({
    nip,
    org: 'bungo',
    roles,
    allOrganisations: false,
  });
  const kadis = '197001011995031001';
  const below = { parentCode: 'DINKES', parentHeadNip: kadis };

  it('given the leader of the unit above, then they record it as the leader, HR or not', () => {
    expect(capaianAuthority(person(kadis, ['employee']), below)).toBe('leader');
    expect(capaianAuthority(person(kadis, ['hr']), below)).toBe('leader');
  });

  it('given HR who does not lead the unit above, then only as a delegate', () => {
    expect(capaianAuthority(person('198012122005012006', ['hr']), below)).toBe('delegate');
  });

  it('given anyone else, an auditor, or a unit with no leader above, then nobody but HR', () => {
    expect(capaianAuthority(person('199001012015031001', ['employee']), below)).toBeNull();
    expect(capaianAuthority(person('199001012015031001', ['auditor']), below)).toBeNull();
    const top = { parentCode: null, parentHeadNip: null };
    expect(capaianAuthority(person(kadis, ['employee']), top)).toBeNull();
    expect(capaianAuthority(person(kadis, ['hr']), top)).toBe('delegate');
  });
});

describe("who may download an appraisal's documents", () => {
  const parties = { employeeNip: nip, raterNip: other, superiorNip: null };
  const as = (n: string, roles: Principal['roles'] = ['employee']) => ({ ...who(roles), nip: n });
  const skp = { kind: 'skp' as const, period: null };
  const tw1 = { kind: 'evaluasi' as const, period: 'TW1' };
  const akhir = { kind: 'evaluasi' as const, period: 'akhir' };
  const keberatan = { kind: 'keberatan' as const, period: null };

  it('gives the employee their SKP, periods and objection decision, not the akhir evaluation', () => {
    expect([skp, tw1, keberatan, akhir].map((d) => mayReadDocument(as(nip), parties, d))).toEqual([
      true,
      true,
      true,
      false,
    ]);
  });

  it("gives the file's readers everything, and a colleague nothing", () => {
    for (const d of [skp, tw1, keberatan, akhir]) {
      expect(mayReadDocument(as(other), parties, d)).toBe(true);
      expect(mayReadDocument(as('197001011995031009', ['hr']), parties, d)).toBe(true);
      expect(mayReadDocument(as('199202022016042004'), parties, d)).toBe(false);
    }
  });
});
