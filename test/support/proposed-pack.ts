// A stricter regulation pack proposed for 2027, for the tests of what another pack would change (the impact
// rule and `siklus rules impact`): the pack in force, as its file says it, with two parts changed.
import { asn2023 } from '../../domain/regulation/pack.ts';

/** asn2023's file with meets/meets giving Butuh Perbaikan and Istimewa allowing at most 40% Sangat Baik. */
export function proposedPackFile() {
  const pack = JSON.parse(JSON.stringify(asn2023));
  pack.id = 'usulan-2027';
  pack.effectiveFrom = '2027-01-01';
  pack.matrix.sesuai.sesuai = 'butuhPerbaikan';
  pack.distribution.istimewa[0].limit = { percent: 40 };
  return pack;
}

/** What the proposal finds in an Istimewa unit with one Sangat Baik of two rated: it conforms now, not then. */
export const istimewaUnitUnderProposal = (unitCode: string) => ({
  unitCode,
  unitPredikat: 'istimewa',
  conformsNow: true,
  conformsUnder: false,
  findings: [
    {
      rule: 'istimewa.max70PercentSangatBaik',
      message: '1 of 2 (50%) is Sangat Baik; at most 40% (0) allowed',
    },
  ],
});
