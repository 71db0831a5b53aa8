// The demo organisations' service measures (domain/measures/): the patients' waiting time and the SKM
// satisfaction index of each puskesmas, and the documents of the civil registry issued within a day,
// with the quarters' values of a year (a few units below target, so the monitoring page has something to
// show). The heads of the puskesmas and the civil registry's clerks have an indicator of their published
// standard bound to one (demo/positions.json `measureCode`). Pure: bin/demo-measures.ts writes them.

import type { Measure } from '../domain/measures/measure.ts';
import type { MeasureValue } from '../domain/measures/measure-file.ts';
import type { DemoOrganisation } from './data.ts';

export const demoMeasures: Measure[] = [
  {
    code: 'waktu-tunggu',
    name: 'Rata-rata waktu tunggu pendaftaran sampai pemeriksaan',
    satuan: 'menit',
    lowerIsBetter: true,
    target: 30,
    targets: { TW4: 25 },
  },
  {
    code: 'skm',
    name: 'Indeks kepuasan masyarakat (SKM)',
    satuan: 'indeks',
    lowerIsBetter: false,
    target: 85,
    targets: {},
  },
  {
    code: 'dokumen-1-hari',
    name: 'Dokumen kependudukan selesai dalam satu hari',
    satuan: '%',
    lowerIsBetter: false,
    target: 90,
    targets: {},
  },
];

/** The quarters' values of each unit that has them, TW1 to TW4. */
const series: Record<string, Record<string, number[]>> = {
  'PKM-MB': { 'waktu-tunggu': [42, 35, 28, 24], skm: [81.2, 83.5, 86.1, 87.4] },
  'PKM-GP': { 'waktu-tunggu': [26, 24, 27, 22], skm: [88.3, 87.9, 89.2, 90.1] },
  'PKM-AS': { 'waktu-tunggu': [33, 31, 34, 29], skm: [84.1, 82.6, 83.9, 85.5] },
  DUKCAPIL: { 'dokumen-1-hari': [78, 86, 92, 94], skm: [80.5, 84.2, 86.7, 88] },
  PELAYANAN: { skm: [86.4, 87, 85.2, 88.9] },
};

const quarters = ['TW1', 'TW2', 'TW3', 'TW4'] as const;
/** The first day after each quarter, month and day: its figures are in from then. */
const quarterEnds = ['04-01', '07-01', '10-01', '12-31'];

/**
 * The values of one organisation's units for `year`, each quarter's once it has ended by `at` (the
 * last quarter's from its last day), recorded by the source system on the quarter's first day after.
 */
export function demoMeasureValues(org: DemoOrganisation, year: number, at: string): MeasureValue[] {
  return org.units.flatMap((unit) =>
    Object.entries(series[unit.code] ?? {}).flatMap(([measureCode, values]) =>
      quarters.flatMap((period, i) => {
        const recordedAt = `${year}-${quarterEnds[i]}T01:00:00.000Z`;
        const value = values[i];
        if (value === undefined || recordedAt > at) return [];
        const source =
          measureCode === 'skm' ? 'survei SKM' : measureCode === 'waktu-tunggu' ? 'SIMPUS' : 'SIAK';
        return [{ measureCode, unitCode: unit.code, year, period, value, source, recordedAt }];
      }),
    ),
  );
}
