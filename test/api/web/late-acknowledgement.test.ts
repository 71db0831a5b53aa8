// No dead end for a missed socialisation: the employee's own appraisal page offers the acknowledgement for
// as long as it is not recorded (the API accepts it late, and it closes the supervisor's escalation), and
// the page's form is a valid command.
import { describe, expect, it } from 'vitest';
import { parseCommand } from '../../../api/web/forms.ts';
import { translator } from '../../../api/web/i18n/index.ts';
import { appraisalBody } from '../../../api/web/views/appraisal.ts';
import { type AppraisalState, evolve, initialState } from '../../../domain/appraisal/state.ts';
import * as transitions from '../../../domain/appraisal/transitions.ts';
import { employeeView } from '../../../record/read/appraisal.ts';

const nip = '199001012015031001';
const now = new Date('2027-03-01T03:00:00Z');

function appraisal(
  acknowledgedAt: string | null,
  step: 'agreement' | 'cancelled' = 'agreement',
): AppraisalState {
  const s = initialState({
    appraisalId: `bungo.2027.${nip}`,
    cycleId: 'bungo.2027',
    orgId: 'bungo',
    participants: {
      employee: { nip, name: 'Siti Aminah', unitCode: 'PKM', positionCode: 'PERAWAT' },
      supervisorNip: '198001012005011001',
      superiorNip: null,
      subordinateNips: [],
    },
    calendar: {},
    at: '2027-01-01T00:00:00.000Z',
  });
  const moved = transitions
    .enterStep(s, 'agreement', '2027-02-14T16:59:59.000Z', '2027-01-15T00:00:00.000Z')
    .reduce(evolve, s);
  return { ...moved, step, socialisation: { ...moved.socialisation, acknowledgedAt } };
}

const render = (lang: 'id' | 'en', state: AppraisalState) =>
  appraisalBody(translator(lang), { appraisal: employeeView(state), now, state: null }).toString();

describe('a late acknowledgement of the standards', () => {
  it('is offered on my appraisal page after the socialisation step, in either language', () => {
    const id = render('id', appraisal(null));
    expect(id).toContain('Belum dibaca.');
    expect(id).toMatch(/<input type="hidden" name="type" value="acknowledgeStandards">/);
    expect(id).toContain('action="/app/appraisal"');
    expect(render('en', appraisal(null))).toContain('once you have read your position');
  });

  it('is not offered once acknowledged, nor on a cancelled appraisal', () => {
    expect(render('id', appraisal('2027-01-20T02:00:00Z'))).not.toContain('value="acknowledgeStandards"');
    expect(render('id', appraisal(null, 'cancelled'))).not.toContain('value="acknowledgeStandards"');
  });

  it('sends a command the appraisal takes', () => {
    expect(parseCommand('acknowledgeStandards', {})).toEqual({
      ok: true,
      command: { type: 'acknowledgeStandards' },
    });
  });
});
