// The timeline's words for what the record alone does not say plainly: who acted (a person by name and
// NIP, "Sistem" for the workflow), a task closed because the SKP was agreed (no deadline passed), and an
// objection's decision that changed a rating but not the predikat.
import { describe, expect, it } from 'vitest';
import { actorWords, sentence } from '../../audit/timeline.ts';
import type { AppraisalEvent } from '../../domain/appraisal/events.ts';
import type { AppraisalState } from '../../domain/appraisal/state.ts';
import { systemActor } from '../../domain/ids.ts';
import { nips, startedAppraisal } from '../domain/appraisal/fixtures.ts';

const zone = 'Asia/Jakarta';
const say = (
  event: AppraisalEvent,
  state: AppraisalState,
  before: AppraisalState,
  lang: 'id' | 'en' = 'id',
) => sentence(event, state, before, 'x', lang, zone);

describe('who acted', () => {
  it('is "Sistem" for the workflow, the name and NIP for a person, the record as it is for someone unknown', () => {
    const names = new Map([[nips.supervisor, 'dr. Riko Saputra']]);
    expect(actorWords(systemActor('appraisal-workflow'), names, 'id')).toBe('Sistem');
    expect(actorWords(systemActor('appraisal-workflow'), names, 'en')).toBe('The system');
    expect(actorWords(nips.supervisor, names, 'id')).toBe(`dr. Riko Saputra (${nips.supervisor})`);
    expect(actorWords('199901012020011001', names, 'id')).toBe('199901012020011001');
  });
});

describe('a task that closes in the agreement step', () => {
  const deadline = '2026-02-14T16:59:59.000Z';
  const inAgreement = (agreedVersion: number | null): AppraisalState => {
    const s = startedAppraisal();
    return { ...s, step: 'agreement', deadline, agreement: { ...s.agreement, agreedVersion } };
  };
  const expired = (at: string): AppraisalEvent => ({
    type: 'task.expired',
    data: { taskId: `${startedAppraisal().appraisalId}:escalateSocialisation`, at },
  });

  it('closed because the SKP was agreed, before the deadline, does not say the deadline passed', () => {
    const state = inAgreement(2);
    const text = say(expired('2026-02-03T03:00:00.000Z'), state, state);
    expect(text).toContain('ditutup karena SKP sudah disepakati');
    expect(text).not.toContain('melewati tenggat');
    expect(say(expired('2026-02-03T03:00:00.000Z'), state, state, 'en')).toContain(
      'closed: the SKP was agreed',
    );
  });

  it('closed at the deadline, or with no SKP agreed, says the deadline passed', () => {
    expect(say(expired(deadline), inAgreement(2), inAgreement(2))).toContain('melewati tenggat');
    expect(say(expired('2026-02-03T03:00:00.000Z'), inAgreement(null), inAgreement(null))).toContain(
      'melewati tenggat',
    );
  });
});

describe("an objection's decision", () => {
  const rated = (results: 'sesuai' | 'diAtas', predikat: 'baik' | 'sangatBaik'): AppraisalState => ({
    ...startedAppraisal(),
    step: 'feedback',
    rating: {
      results,
      behaviour: 'sesuai',
      predikat,
      feedback: '',
      as: 'rater',
      by: nips.supervisor,
      at: '2026-02-10T00:00:00.000Z',
    },
  });
  const decided = (results: 'sesuai' | 'diAtas', predikat: 'baik' | 'sangatBaik'): AppraisalEvent => ({
    type: 'objection.decided',
    data: {
      decision: 'changed',
      results,
      behaviour: 'sesuai',
      predikat,
      previousPredikat: 'baik',
      reason: 'Bukti dukung lengkap',
      by: nips.superior,
      at: '2026-03-09T03:00:00.000Z',
    },
  });

  it('that changed only the results rating says so, and that the predikat stays', () => {
    const text = say(decided('diAtas', 'baik'), rated('diAtas', 'baik'), rated('sesuai', 'baik'));
    expect(text).not.toContain('dari Baik menjadi Baik');
    expect(text).toBe(
      'Atasan pejabat penilai mengubah rating hasil kerja dari Sesuai Ekspektasi menjadi Di Atas Ekspektasi; predikat tetap Baik',
    );
    expect(say(decided('diAtas', 'baik'), rated('diAtas', 'baik'), rated('sesuai', 'baik'), 'en')).toBe(
      "The supervisor's superior changed the results rating from Meets expectation to Above expectation; the predikat stays Baik",
    );
  });

  it('that changed the predikat says from which to which', () => {
    expect(say(decided('diAtas', 'sangatBaik'), rated('diAtas', 'sangatBaik'), rated('sesuai', 'baik'))).toBe(
      'Atasan pejabat penilai mengubah predikat dari Baik menjadi Sangat Baik',
    );
  });
});
