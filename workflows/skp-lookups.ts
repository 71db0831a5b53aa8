// What an appraisal's SKP rules need from beyond its stream, looked up through activities before the
// decision (idempotent reads, recorded in history, so replays decide the same): the RHK of the
// supervisor's agreed SKP when a proposal is made (the cascade), and the capaian of the unit a leader
// leads when they are rated. Only appraisals that record an SKP setting look anything up, each behind
// its patch, so appraisals of before issue the very commands they always did.
import { patched, proxyActivities } from '@temporalio/workflow';
import type * as activities from '../activities/index.ts';
import type { DecideContext } from '../domain/appraisal/decide.ts';
import type { AppraisalState } from '../domain/appraisal/state.ts';

const { readAgreedRhk, readUnitCapaian } = proxyActivities<ReturnType<typeof activities.createActivities>>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute' },
});

type Lookups = Pick<DecideContext, 'supervisorRhk' | 'capaian'>;

export async function lookupsFor(
  state: AppraisalState,
  command: { type: string; period?: string },
): Promise<Lookups> {
  const skp = state.skp;
  if (!skp) return {};
  if (command.type === 'proposeIndicators' && patched('skp-cascade')) {
    const nip = state.participants.supervisorNip;
    const supervisorRhk = nip ? await readAgreedRhk({ orgId: state.orgId, cycleId: state.cycleId, nip }) : [];
    return { supervisorRhk };
  }
  const rating = command.type === 'setRating' || command.type === 'ratePeriod';
  if (rating && skp.ledUnitCode && patched('skp-leader-capaian')) {
    const period = command.type === 'ratePeriod' ? command.period : undefined;
    const capaian = await readUnitCapaian({
      cycleId: state.cycleId,
      unitCode: skp.ledUnitCode,
      ...(period ? { period } : {}),
    });
    return { capaian };
  }
  return {};
}
