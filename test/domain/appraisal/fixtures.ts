// Given-helpers for the appraisal rules: a started appraisal and a way to apply events and commands; and
// the SKP periods an akhir rating records, as rows.
import type { AppraisalCommand } from '../../../domain/appraisal/commands.ts';
import { decide } from '../../../domain/appraisal/decide.ts';
import type { AppraisalEvent, Rhk } from '../../../domain/appraisal/events.ts';
import {
  type AppraisalState,
  evolve,
  initialState,
  type SkpPeriodBasis,
  type StartedData,
} from '../../../domain/appraisal/state.ts';
import * as transitions from '../../../domain/appraisal/transitions.ts';
import type { Actor } from '../../../domain/appraisal/types.ts';

export const nips = {
  employee: '199001012015031001',
  supervisor: '198505052010011002',
  superior: '197703032000031003',
  peer: '199202022016042004',
  subordinate: '199506062019031005',
  hr: '198012122005012006',
  stranger: '199909092020121007',
};

export const actor = (who: keyof typeof nips, roles: Actor['roles'] = []): Actor => ({
  nip: nips[who],
  roles: who === 'hr' ? ['hr', ...roles] : roles,
});

export const t0 = '2026-01-01T00:00:00.000Z';

/** Siti's appraisal's people: she is a nurse in this unit, rated by the supervisor, the superior above. */
export const participantsIn = (
  unitCode: string,
  subordinateNips: string[] = [],
): StartedData['participants'] => ({
  employee: { nip: nips.employee, name: 'Siti', unitCode, positionCode: 'PERAWAT' },
  supervisorNip: nips.supervisor,
  superiorNip: nips.superior,
  subordinateNips,
});

export function startedAppraisal(): AppraisalState {
  return initialState({
    appraisalId: `bungo.2026.${nips.employee}`,
    cycleId: 'bungo.2026',
    orgId: 'bungo',
    participants: participantsIn('DINKES', [nips.subordinate]),
    calendar: { agreement: { start: '2026-01-15T00:00:00.000Z', deadline: '2026-02-14T00:00:00.000Z' } },
    at: t0,
  });
}

export const fold = (state: AppraisalState, events: AppraisalEvent[]) => events.reduce(evolve, state);

/** Applies a command (decide, then evolve) and returns the events and the new state. */
export function act(state: AppraisalState, who: Actor, command: AppraisalCommand, now = t0) {
  const events = decide(state, command, { actor: who, now });
  return { events, state: fold(state, events) };
}

export const types = (events: AppraisalEvent[]) => events.map((e) => e.type);

/**
 * The akhir rating set by the supervisor on 10 February 2026 (WIB), the rating step entered on 14 February;
 * the appraisal started with these participants changed. Returns the events and the state after.
 */
export function ratedAppraisal(
  rating: Omit<Extract<AppraisalCommand, { type: 'setRating' }>, 'type'>,
  participants: Partial<AppraisalState['participants']> = {},
) {
  const base = startedAppraisal();
  const start = { ...base, participants: { ...base.participants, ...participants } };
  const atRating = fold(start, transitions.enterStep(start, 'rating', '2026-02-14T00:00:00.000Z', t0));
  const now = '2026-02-10T00:00:00.000Z';
  const events = decide(
    atRating,
    { type: 'setRating', ...rating },
    { actor: actor('supervisor'), now, timeZone: 'Asia/Jakarta' },
  );
  return { events, state: fold(atRating, events) };
}

/** An RHK of a JPT's SKP (an instruksi khusus, perspektif proses bisnis) with these indicators. */
export const jptRhk = (indicators: Rhk['indicators']): Rhk => ({
  id: 'rhk-1',
  kind: 'instruksiKhusus',
  description: 'Percepatan akreditasi puskesmas',
  parentRhkId: null,
  perspektif: 'prosesBisnis',
  indicators,
});

/** An SKP period as a row: its number, unit, position and rater, and each evaluation period's predikat. */
type SkpPeriodRow = [
  skpPeriod: number,
  unitCode: string,
  positionCode: string,
  raterNip: string,
  predikats: Record<string, SkpPeriodBasis['periods'][number]['predikat']>,
];

/** The SKP periods an akhir rating records (rating.set's skpPeriods), one row each, periods in order. */
export const recordedSkpPeriods = (rows: SkpPeriodRow[]): SkpPeriodBasis[] =>
  rows.map(([skpPeriod, unitCode, positionCode, raterNip, predikats]) => ({
    skpPeriod,
    unitCode,
    positionCode,
    raterNip,
    periods: Object.entries(predikats).map(([period, predikat]) => ({ period, predikat })),
  }));
