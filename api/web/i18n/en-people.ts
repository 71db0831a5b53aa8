// English for the people as the official forms show them; the keys of id-people.ts.
import type { idPeople } from './id-people.ts';

export const enPeople: Record<keyof typeof idPeople, string> = {
  'people.employee': 'Employee appraised',
  'people.rater': 'Rater (pejabat penilai kinerja)',
  'people.name': 'Name',
  'people.number.PNS': 'NIP',
  'people.number.PPPK': 'NI PPPK',
  'people.status': 'Employment status',
  'people.status.PNS': 'PNS (civil servant)',
  'people.status.PPPK': 'PPPK (government employee with a work contract)',
  'people.rank.PNS': 'Rank and grade (pangkat/golongan)',
  'people.rank.PPPK': 'Grade (golongan)',
  'people.pppkGrade': 'grade {grade}',
  'people.noRank': 'not given',
  'people.position': 'Position',
  'people.unit': 'Unit',
  'people.none': 'None yet',
  'people.line': '{name}, {number} {nip}',
  'import.reason.statusMismatch': 'Employment status {status} does not match the number {nip} ({kind}).',
  'import.reason.statusUnknown': 'The employment status must be PNS or PPPK.',
  'import.reason.pnsRankForPppk': "'{rank}' is a PNS pangkat/golongan; a PPPK has a golongan I to XVII.",
  'import.reason.pppkGradeForPns': "'{rank}' is a PPPK golongan; a PNS has a pangkat/golongan I/a to IV/e.",
  'import.reason.notPppkGrade': "'{rank}' is not a PPPK golongan; it must be I to XVII.",
  'import.reason.notPnsRank':
    "'{rank}' is not a PNS pangkat/golongan; it must be one of I/a to IV/e, e.g. 'Penata Muda, III/a'.",
  'import.reason.rankNameMismatch':
    "'{rank}' names the pangkat {name}, but golongan {golongan} is {pangkat}.",
  'import.reason.pppkYear':
    'NI PPPK digits 9-12 (the year of the first contract) are {year}; they must be {first}-{last}.',
};
