// One appraisal's year as its events, made by the domain's own deciders and transitions (no workflow): an
// agreed SKP, four quarterly periods (TW1 rated by the rater, TW2 rated by the superior after escalation,
// TW3 missed after passing to HR, TW4 with realisation and feedback, not rated yet), activity reports,
// BerAKHLAK reviews, and the akhir rating step. The evaluation file tests read it folded (domain) and
// appended to the event log (API, web). `checkInLog` is an appraisal of the older shape, with check-ins.
import { decide } from '../../domain/appraisal/decide.ts';
import type { EvaluationFile } from '../../domain/appraisal/evaluation-file.ts';
import type { AppraisalEvent, Rhk } from '../../domain/appraisal/events.ts';
import { closePeriod, escalatePeriod, escalateRating, openPeriod } from '../../domain/appraisal/periodic.ts';
import { type AppraisalState, evolve, initialState, type StartedData } from '../../domain/appraisal/state.ts';
import { closeCheckIn, enterStep, openCheckIn } from '../../domain/appraisal/transitions.ts';
import type { Actor } from '../../domain/appraisal/types.ts';
import type { SeedEmployee } from './organisation.ts';

export const orgId = 'bungo';
export const cycleId = 'bungo.2027';

const person = (nip: string, name: string, supervisorNip: string | null): SeedEmployee => ({
  nip,
  name,
  unitCode: 'PKM',
  supervisorNip,
});
export const superior = person('197703032000031003', 'dr. Dewi Lestari', null);
export const rater = person('198505052010011002', 'Budi Santoso', superior.nip);
export const employee = person('199001012015032001', 'Siti Aminah', rater.nip);
export const peer = person('199202022016042004', 'Rina Wati', rater.nip);
export const peer2 = person('199303032017012005', 'Agus Saputra', rater.nip);
export const subordinate = person('199506062019031006', 'Yuni Rahma', employee.nip);
export const hr = person('198012122005012007', 'Desi Ratnasari', null);
/** Everyone the log names, for seeding the organisation. */
export const everyone = [superior, rater, employee, peer, peer2, subordinate, hr];
/** A name by NIP, as the organisation's employees give it when a file is folded. */
export const nameOf = (nip: string): string | null => everyone.find((p) => p.nip === nip)?.name ?? null;

export const appraisalId = `${cycleId}.${employee.nip}`;
export const evidenceUrl = 'https://drive.bungo.go.id/bukti/tw1-antrean.pdf';
export const tw4EvidenceUrl = 'https://drive.bungo.go.id/bukti/tw4-penyuluhan.pdf';

export const rhk: Rhk[] = [
  {
    id: 'rhk-1',
    kind: 'utama',
    description: 'Waktu tunggu pelayanan puskesmas turun',
    parentRhkId: null,
    indicators: [
      { id: 'iki-1', description: 'Rata-rata waktu tunggu pasien', aspect: 'waktu', target: '30 menit' },
    ],
  },
  {
    id: 'rhk-2',
    kind: 'tambahan',
    description: 'Penyuluhan kesehatan masyarakat',
    parentRhkId: null,
    indicators: [{ id: 'iki-2', description: 'Sesi penyuluhan', aspect: 'kuantitas', target: '12 sesi' }],
  },
];

const as = (p: SeedEmployee, roles: Actor['roles'] = []): Actor => ({ nip: p.nip, roles });

/** A log under construction: each step folds what it appends, so the next decision sees it. */
class Log {
  events: AppraisalEvent[] = [];
  state: AppraisalState;
  constructor(started: StartedData) {
    this.state = initialState(started);
    this.events.push({ type: 'appraisal.started', data: started });
  }
  add(events: AppraisalEvent[]) {
    for (const e of events) {
      this.events.push(e);
      this.state = evolve(this.state, e);
    }
    return this;
  }
  act(who: Actor, command: Parameters<typeof decide>[1], now: string) {
    return this.add(decide(this.state, command, { actor: who, now }));
  }
}

function started(id: string, nip: string, name: string): StartedData {
  return {
    appraisalId: id,
    cycleId,
    orgId,
    participants: {
      employee: { nip, name, unitCode: 'PKM', positionCode: 'STAF' },
      supervisorNip: rater.nip,
      superiorNip: superior.nip,
      subordinateNips: [subordinate.nip],
    },
    calendar: {},
    at: '2027-01-01T00:00:00.000Z',
  };
}

function agreed(log: Log, employeeNip = employee.nip) {
  return log
    .add(enterStep(log.state, 'agreement', '2027-02-14T16:59:59.000Z', '2027-01-15T01:00:00.000Z'))
    .act(as(rater), { type: 'proposeIndicators', rhk }, '2027-01-20T02:00:00.000Z')
    .act({ nip: employeeNip, roles: [] }, { type: 'signAgreement', version: 1 }, '2027-01-21T02:00:00.000Z')
    .act(as(rater), { type: 'signAgreement', version: 1 }, '2027-01-22T02:00:00.000Z');
}

const realisation = (value: string, url?: string) => [
  { indicatorId: 'iki-1', value, evidence: url ? [{ url, note: 'Rekap antrean' }] : [] },
  { indicatorId: 'iki-2', value: '3 sesi', evidence: [{ note: 'Daftar hadir' }] },
];

/** The appraisal of the periods' shape, through the year up to the akhir rating. */
export function evaluationLog(): { events: AppraisalEvent[]; state: AppraisalState } {
  const log = agreed(new Log(started(appraisalId, employee.nip, employee.name)));
  const E = as(employee);
  const R = as(rater);
  /** A period's window opens (`opens` to `deadline`) and the employee records its realisation. */
  const realised = (
    period: string,
    opens: string,
    deadline: string,
    record: { at: string; realisations: ReturnType<typeof realisation> },
  ) =>
    log
      .add(openPeriod(log.state, period, deadline, opens))
      .act(E, { type: 'recordRealisation', period, realisations: record.realisations }, record.at);
  // TW1: realisation with an evidence link, feedback on RHK 1, rated by the rater.
  realised('TW1', '2027-03-30T17:00:00.000Z', '2027-04-13T16:59:59.000Z', {
    at: '2027-04-02T03:00:00.000Z',
    realisations: realisation('28 menit', evidenceUrl),
  });
  log.act(
    R,
    {
      type: 'givePeriodFeedback',
      period: 'TW1',
      rhkId: 'rhk-1',
      feedback: 'Waktu tunggu sudah di bawah target.',
    },
    '2027-04-05T03:00:00.000Z',
  );
  log.act(
    R,
    { type: 'ratePeriod', period: 'TW1', results: 'diAtas', behaviour: 'sesuai', feedback: 'Pertahankan.' },
    '2027-04-06T03:00:00.000Z',
  );
  log.act(E, { type: 'acknowledgePeriod', period: 'TW1' }, '2027-04-07T03:00:00.000Z');
  // TW2: the rater does not rate; it passes to the superior, who rates.
  realised('TW2', '2027-06-29T17:00:00.000Z', '2027-07-13T16:59:59.000Z', {
    at: '2027-07-01T03:00:00.000Z',
    realisations: realisation('31 menit'),
  });
  log.add(
    escalatePeriod(log.state, 'TW2', 'superior', '2027-07-20T16:59:59.000Z', '2027-07-13T17:00:00.000Z'),
  );
  log.act(
    as(superior),
    { type: 'ratePeriod', period: 'TW2', results: 'sesuai', behaviour: 'sesuai', feedback: 'Sesuai target.' },
    '2027-07-15T03:00:00.000Z',
  );
  // TW3: nobody rates; it passes to the superior, then HR, and closes missed.
  realised('TW3', '2027-09-29T17:00:00.000Z', '2027-10-13T16:59:59.000Z', {
    at: '2027-10-01T03:00:00.000Z',
    realisations: realisation('35 menit'),
  });
  log.add(
    escalatePeriod(log.state, 'TW3', 'superior', '2027-10-20T16:59:59.000Z', '2027-10-13T17:00:00.000Z'),
  );
  log.add(escalatePeriod(log.state, 'TW3', 'hr', '2027-10-27T16:59:59.000Z', '2027-10-20T17:00:00.000Z'));
  log.add(closePeriod(log.state, 'TW3', '2027-10-27T17:00:00.000Z'));
  // TW4: realisation and feedback; the rater's task is still open.
  realised('TW4', '2027-12-30T17:00:00.000Z', '2028-01-13T16:59:59.000Z', {
    at: '2028-01-02T03:00:00.000Z',
    realisations: realisation('25 menit', tw4EvidenceUrl),
  });
  log.act(
    R,
    { type: 'givePeriodFeedback', period: 'TW4', rhkId: 'rhk-2', feedback: 'Penyuluhan perlu lebih sering.' },
    '2028-01-03T03:00:00.000Z',
  );
  // Daily activity reports, one after the last period.
  for (const [reportId, date, description] of [
    ['r-3', '2027-11-05', 'Penyuluhan gizi di posyandu'],
    ['r-1', '2027-02-10', 'Rapat koordinasi antrean'],
    ['r-2', '2027-02-10', 'Pelatihan aplikasi antrean'],
    ['r-4', '2028-01-04', 'Laporan tahunan'],
  ] as const)
    log.act(E, { type: 'addActivityReport', reportId, date, description }, '2028-01-05T03:00:00.000Z');
  // The 360: self, supervisor and two peers; the subordinate missed.
  const review = (
    reviewerNip: string,
    role: 'self' | 'supervisor' | 'peer',
    scores: Record<string, number>,
  ) => ({
    type: 'review.submitted' as const,
    data: { reviewerNip, role, scores, comment: '', at: '2028-01-20T03:00:00.000Z' },
  });
  log.add([
    review(employee.nip, 'self', { akuntabel: 5, kompeten: 4 }),
    review(rater.nip, 'supervisor', { akuntabel: 4, kompeten: 3 }),
    review(peer.nip, 'peer', { akuntabel: 4, harmonis: 5 }),
    review(peer2.nip, 'peer', { akuntabel: 3 }),
    {
      type: 'review.missed',
      data: { reviewerNip: subordinate.nip, role: 'subordinate', at: '2028-01-28T17:00:00.000Z' },
    },
  ]);
  log.add(enterStep(log.state, 'rating', '2028-02-11T16:59:59.000Z', '2028-01-28T17:00:00.000Z'));
  return { events: log.events, state: log.state };
}

/**
 * An appraisal of the older shape: TW I submitted with evidence and given feedback, TW II missed. The
 * peer's in the same cycle, unless another is named.
 */
export function checkInLog(
  id = `${cycleId}.${peer.nip}`,
  nip = peer.nip,
  name = peer.name,
): AppraisalEvent[] {
  const log = agreed(new Log(started(id, nip, name)), nip);
  log.add(openCheckIn(log.state, 'I', '2027-04-13T17:00:00.000Z', '2027-03-31T00:00:00.000Z'));
  log.act(
    as({ ...employee, nip }),
    { type: 'submitCheckIn', quarter: 'I', realisations: realisation('29 menit', evidenceUrl) },
    '2027-04-02T03:00:00.000Z',
  );
  log.act(
    as(rater),
    { type: 'giveCheckInFeedback', quarter: 'I', feedback: 'Bagus, lanjutkan.' },
    '2027-04-03T03:00:00.000Z',
  );
  log.add(closeCheckIn(log.state, 'I', '2027-04-13T17:00:00.000Z'));
  log.add(openCheckIn(log.state, 'II', '2027-07-13T17:00:00.000Z', '2027-06-30T00:00:00.000Z'));
  log.add(closeCheckIn(log.state, 'II', '2027-07-13T17:00:00.000Z'));
  return log.events;
}

/** A document's input around an evaluation file and these events (no names, Bungo, in Bahasa Indonesia). */
export const documentInput = (file: EvaluationFile, events: AppraisalEvent[] = []) => ({
  file,
  events,
  names: new Map<string, string>(),
  year: 2027,
  employee: null,
  rater: null,
  organisation: { name: 'Pemkab Bungo', timeZone: 'Asia/Jakarta' },
  parentLabels: new Map<string, string>(),
  lang: 'id' as const,
});

/**
 * The log's year with the akhir rating passed to the superior on 12 February 2028 at 00:00 WIB (until the
 * 18th), who rates it that day: results as expected, behaviour above.
 */
export function akhirBySuperiorLog(): AppraisalEvent[] {
  const { events, state } = evaluationLog();
  const escalated = escalateRating(state, 'superior', '2028-02-18T16:59:59.000Z', '2028-02-11T17:00:00.000Z');
  const rated = decide(
    escalated.reduce(evolve, state),
    { type: 'setRating', results: 'sesuai', behaviour: 'diAtas', feedback: 'Baik sepanjang tahun.' },
    { actor: as(superior), now: '2028-02-12T03:00:00.000Z' },
  );
  return [...events, ...escalated, ...rated];
}

type Decided = Extract<AppraisalEvent, { type: 'objection.decided' }>['data'];

/**
 * What follows the log when the employee objects: the rater's akhir rating below expectations (Butuh
 * Perbaikan) on 5 February 2028, its release on the 12th, the objection with these reasons on the 14th,
 * then `hearing` (explanations asked or given) and the superior's decision on the 20th.
 */
export function objectionLog(objection: {
  reasons: string;
  hearing?: AppraisalEvent[];
  decision: Pick<Decided, 'decision' | 'results' | 'behaviour' | 'predikat' | 'reason'>;
}): AppraisalEvent[] {
  const at = (day: number) => `2028-02-${String(day).padStart(2, '0')}T03:00:00.000Z`;
  return [
    {
      type: 'rating.set',
      data: {
        results: 'diBawah',
        behaviour: 'sesuai',
        predikat: 'butuhPerbaikan',
        feedback: 'Perlu perbaikan.',
        by: rater.nip,
        at: at(5),
      },
    },
    {
      type: 'rating.released',
      data: { predikat: 'butuhPerbaikan', objectionDeadline: '2028-02-26T16:59:59.000Z', at: at(12) },
    },
    {
      type: 'objection.filed',
      data: { reasons: objection.reasons, superiorNip: superior.nip, by: employee.nip, at: at(14) },
    },
    ...(objection.hearing ?? []),
    {
      type: 'objection.decided',
      data: { ...objection.decision, previousPredikat: 'butuhPerbaikan', by: superior.nip, at: at(20) },
    },
  ];
}
