// English: measures of units, indicators bound to them, and the unit monitoring page (id-measures.ts
// has the same keys).
import type { idMeasures } from './id-measures.ts';

export const enMeasures: Record<keyof typeof idMeasures, string> = {
  'nav.measures': 'Unit measures',
  'measures.pageTitle': 'Monitoring the units’ service measures',
  'measures.intro':
    'Each service measure of the units, period by period, against its target. Values are imported from CSV/XLSX or posted by another system; an SKP indicator bound to a measure is pre-filled from its unit’s value.',
  'measures.year': 'Year',
  'measures.show': 'Show',
  'measures.leaderScope': 'The units you lead: {units}.',
  'measures.noneDefined':
    'No unit measures yet. HR defines them through the API (POST /v1/orgs/{org}/measures).',
  'measures.noValues': 'No measure values for {year} yet.',
  'measures.lowerIsBetter': 'lower is better',
  'measures.higherIsBetter': 'higher is better',
  'measures.target': 'Target',
  'measures.belowList': 'Below target in {period}: {units}.',
  'measures.allMet': 'Every unit meets its target in {period} (or has none).',
  'measures.tableCaption':
    'Values per unit and period ({satuan}), achievement against target, source and time',
  'measures.sources': 'Sources',
  'measures.importTitle': 'Import measure values (CSV or XLSX)',
  'measures.source': 'Source of the data (e.g. SIMPUS); empty: the file name',
  'measures.imported': 'Values imported: {count}.',
  'measures.badRows': 'Wrong rows (nothing was imported)',
  'measures.unit': 'Unit',
  'measures.belowShort': 'below target',
  'measures.forbidden': 'This page is for HR, auditors and unit leaders.',
  'measure.prefilled':
    'Filled in from your unit’s measure: {source}, {time}. Another number is recorded as an override.',
  'measure.bound':
    'Bound to the unit measure {code}: its realisation is filled in from the unit’s value each period.',
  'measure.fromUnit': 'from the unit’s measure ({source})',
  'measure.overridden': 'overrides the unit’s measure of {value} ({source})',
  'measure.field': 'Unit measure that fills in its realisation',
  'measure.fieldHint':
    'Choose one when this indicator’s realisation comes from the unit’s service data each period (its direction must be the measure’s).',
  'measure.note': 'Note',
  'measure.noteHint': 'If your number differs from the unit’s measure, say why.',
  'problem.unknown_measure': 'The indicator is bound to a measure this organisation does not have.',
  'problem.measure_direction': 'The indicator’s direction (lower or higher is better) must be its measure’s.',
  'problem.invalid_measure_rows': 'Some rows are wrong; no value was imported.',
};
