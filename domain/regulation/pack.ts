// A regulation pack: the rules siklus decides by, as dated data with their legal citations, so a decision
// can say which rule was in force and a proposed change can be tried on a finished year before it applies.
// The packs in force are listed here; a pack file (pack-file.ts) carries another for an impact simulation.
import { type DistributionRules, distributionRules } from '../rating/distribution-rules.ts';
import { type PredikatMatrix, predikatMatrix } from '../rating/predikat.ts';
import { asn2023Windows } from './pack-ref.ts';

export interface RegulationPack {
  /** Stable id, recorded with the decisions made under it. */
  id: string;
  /** The first local day (YYYY-MM-DD) the pack applies to. */
  effectiveFrom: string;
  title: string;
  /** Where each rule comes from. */
  citations: { matrix: string; distribution: string; keberatan: string; smallUnit: string };
  matrix: PredikatMatrix;
  distribution: DistributionRules;
  /** A unit with fewer rated people than this is checked together with its parent unit. */
  smallUnitSize: number;
  /** The keberatan window, in calendar days after the day the result was received. */
  objectionDays: number;
  /** Days before a deadline that a reminder goes out. */
  reminderLeadDays: number;
}

export const asn2023: RegulationPack = {
  ...asn2023Windows,
  title: 'PermenPANRB 6/2022, SE MenPANRB 3/2023, PP 30/2019',
  citations: {
    matrix: 'PermenPANRB 6/2022 lampiran: predikat kinerja pegawai',
    distribution: 'SE MenPANRB 3/2023: kurva distribusi predikat kinerja pegawai',
    keberatan: 'PP 30/2019 pasal 59: keberatan dalam 14 hari',
    smallUnit: 'SE MenPANRB 3/2023: unit kerja kecil dinilai bersama unit induknya',
  },
  matrix: predikatMatrix,
  distribution: distributionRules,
  smallUnitSize: 5,
};

/** Oldest first. A new pack is added here with its effective date; the older ones stay for the record. */
export const regulationPacks: readonly RegulationPack[] = [asn2023];

/** The pack in force on a local day (YYYY-MM-DD): the latest whose effective date is not after it. */
export function packInForce(
  localDay: string,
  packs: readonly RegulationPack[] = regulationPacks,
): RegulationPack {
  let found: RegulationPack | undefined;
  for (const pack of packs) if (pack.effectiveFrom <= localDay) found = pack;
  return found ?? (packs[0] as RegulationPack);
}
