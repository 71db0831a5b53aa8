// The keberatan decision document prints the explanations the superior asked for: the rater's and the
// employee's answers, or that none came by the deadline.
import { describe, expect, it } from 'vitest';
import { keberatanDocument } from '../../documents/keberatan.ts';
import { factsOf } from '../../documents/model.ts';
import { evaluationFile } from '../../domain/appraisal/evaluation-file.ts';
import type { AppraisalEvent } from '../../domain/appraisal/events.ts';
import { documentInput, evaluationLog, nameOf } from '../support/evaluation-log.ts';

const rater = '197001011995031001';
const employee = '199001012015031001';
const at = '2028-02-20T03:00:00.000Z';

function documentWith(events: AppraisalEvent[], layout?: number) {
  const file = evaluationFile(evaluationLog().events, nameOf);
  const model = keberatanDocument(documentInput(file, events), layout);
  const value = (key: string) => factsOf(model).find((f) => f.key === key)?.value;
  return { rater: value('objection.explanation'), employee: value('objection.explanation.employee') };
}

describe('the keberatan document', () => {
  it("prints the rater's answer and that the employee's did not come by its deadline", () => {
    const printed = documentWith([
      {
        type: 'objection.filed',
        data: { reasons: 'Bukti tidak dibaca', superiorNip: null, by: employee, at },
      },
      {
        type: 'objection.explained',
        data: { from: 'rater', explanation: 'Realisasi TW3 di bawah target', by: rater, at },
      },
      { type: 'objection.explanationMissed', data: { from: 'employee', at } },
    ]);
    expect(printed.rater).toBe('Realisasi TW3 di bawah target');
    expect(printed.employee).toBe('Tidak ada penjelasan sampai tenggat');
  });

  it('leaves both empty when none was asked', () => {
    const printed = documentWith([
      {
        type: 'objection.filed',
        data: { reasons: 'Bukti tidak dibaca', superiorNip: null, by: employee, at },
      },
    ]);
    expect(printed.rater).toBe('-');
    expect(printed.employee).toBe('-');
  });

  it("prints layout 1 as it was first issued: the rater's explanation empty, no employee's", () => {
    const printed = documentWith(
      [
        {
          type: 'objection.explained',
          data: { from: 'rater', explanation: 'Realisasi TW3 di bawah target', by: rater, at },
        },
      ],
      1,
    );
    expect(printed.rater).toBe('-');
    expect(printed.employee).toBeUndefined();
  });
});
