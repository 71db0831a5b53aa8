// One standards round from start to close, the scenario the workflow test asserts and the replay fixture
// records: a holder proposes a change, a supervisor comments, HR accepts the proposal, the other holder
// is reminded 3 days before the deadline and her task expires with the window, HR publishes version 2
// and closes the round. Needs a running worker on `rig.taskQueue`.
import type { WorkflowHandle } from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { standardsRoundIdFor, standardsWorkflowId } from '../../domain/ids.ts';
import type { StandardsCommand } from '../../domain/standards/commands.ts';
import type { RoundStart } from '../../domain/standards/decide.ts';
import type { Standard } from '../../domain/standards/payloads.ts';
import type { RoundState } from '../../domain/standards/state.ts';
import { endOfLocalDayAfter } from '../../domain/time/fixed-offsets.ts';
import { actOnStandardsUpdate } from '../../workflows/messages.ts';
import type { StandardsRoundInput } from '../../workflows/standards-round.ts';
import { clockSkipper } from './temporal.ts';

export const roundNips = {
  hr: '198012122005012006',
  leader: '197703032000031003',
  head: '198505052010011002',
  nurse: '199001012015031001',
  nurse2: '199202022016042004',
};

export const nurseStandard = (target: string): Standard => ({
  duties: ['Memberikan asuhan keperawatan', 'Melakukan penyuluhan kesehatan'],
  rhk: [
    {
      id: 'rhk-1',
      kind: 'utama',
      description: 'Asuhan keperawatan pasien rawat jalan bermutu',
      parentRhkId: null,
      indicators: [
        { id: 'iki-1', description: 'Asuhan keperawatan terdokumentasi', aspect: 'kuantitas', target },
      ],
    },
  ],
});

/** The round's position, PERAWAT at 100%: both nurses hold it, their head supervises, the leader decides. */
export const nursePosition = (baseVersion: number | null): RoundStart['positions'][number] => ({
  positionCode: 'PERAWAT',
  name: 'Perawat Terampil',
  baseVersion,
  standard: nurseStandard('100%'),
  participants: [
    { nip: roundNips.nurse, role: 'holder' },
    { nip: roundNips.nurse2, role: 'holder' },
    { nip: roundNips.head, role: 'supervisor' },
  ],
  leaderNips: [roundNips.leader],
});

/** A round of one position (PERAWAT) in `orgId`, its window ending 10 local days after `now`. */
export function roundInput(orgId: string, now: Date, n = 1): StandardsRoundInput {
  const deadline = endOfLocalDayAfter(now.toISOString(), 10, 'Asia/Jakarta');
  if (!deadline) throw new Error('WIB is a known zone');
  return {
    roundId: standardsRoundIdFor(orgId, n),
    orgId,
    timeZone: 'Asia/Jakarta',
    deadline,
    startedBy: roundNips.hr,
    positions: [nursePosition(null)],
  };
}

/** Runs the round to its close; `look` is called after the reminder and after the window closed. */
export async function runStandardsRound(
  env: TestWorkflowEnvironment,
  taskQueue: string,
  orgId: string,
  look: { reminded?: () => Promise<void>; windowClosed?: () => Promise<void> } = {},
): Promise<{ handle: WorkflowHandle; input: StandardsRoundInput; result: RoundState }> {
  const now = new Date(await env.currentTimeMs());
  const input = roundInput(orgId, now);
  const handle = await env.client.workflow.start('StandardsRoundWorkflow', {
    workflowId: standardsWorkflowId(input.roundId),
    taskQueue,
    args: [input],
  });
  const act = (who: keyof typeof roundNips, command: StandardsCommand) =>
    handle.executeUpdate(actOnStandardsUpdate, {
      args: [{ actor: { nip: roundNips[who], roles: who === 'hr' ? ['hr'] : [] }, command }],
    });
  const skipTo = clockSkipper(env);

  await act('leader', { type: 'draftStandard', positionCode: 'PERAWAT', standard: nurseStandard('98%') });
  await act('nurse', {
    type: 'commentStandard',
    positionCode: 'PERAWAT',
    text: 'Saat pasien ramai 98% sulit; usul 95%',
    proposal: nurseStandard('95%'),
  });
  await act('head', { type: 'commentStandard', positionCode: 'PERAWAT', text: 'Setuju dengan usulan 95%' });
  await act('hr', { type: 'answerProposal', positionCode: 'PERAWAT', commentId: 'c1', answer: 'accepted' });
  // Three days before the deadline the one holder who has not commented is reminded.
  await skipTo(new Date(Date.parse(input.deadline) - 3 * 86_400_000).toISOString());
  await look.reminded?.();
  await skipTo(input.deadline);
  await look.windowClosed?.();
  await act('hr', { type: 'publishStandard', positionCode: 'PERAWAT' });
  await act('hr', { type: 'closeRound' });
  return { handle, input, result: await handle.result() };
}
