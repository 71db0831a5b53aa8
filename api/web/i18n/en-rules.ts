// English texts of the rules pages (the distribution calculator).
export const enRules: Record<string, string> = {
  'nav.rules': 'Distribution calculator',
  'calculator.title': 'Predikat distribution calculator',
  'calculator.intro':
    "Choose the unit's organisational performance (capaian kinerja organisasi) and enter how many employees hold each predikat. The result is checked against the distribution pattern of SE MenPANRB 3/2023, the same check calibration runs.",
  'calculator.unit': "Unit's organisational performance",
  'calculator.counts': 'Employees per predikat',
  'calculator.check': 'Check',
  'calculator.result': 'Result for a unit rated {unit}',
  'calculator.nobody': 'Nobody is counted yet; enter at least one count.',
  'calculator.conforms': 'The distribution of {total} employees follows the pattern.',
  'calculator.deviates':
    'The distribution of {total} employees does not follow the pattern: {findings} rules broken.',
  'calculator.error.unit': 'Choose one of the organisational performance levels.',
  'calculator.error.count': 'Enter a whole number from 0 to 100,000.',
};
