// English for the official documents' links and the public verification page.
import type { idDocuments } from './id-documents.ts';

export const enDocuments: Record<keyof typeof idDocuments, string> = {
  'documents.title': 'Official documents (PDF)',
  'documents.intro':
    'Every page carries a QR code and a short code: anyone can check a printout against the record at /verify.',
  'documents.skp': 'Performance targets (SKP)',
  'documents.evaluasi': 'Performance evaluation: {period}',
  'documents.notFound': 'No such appraisal or document.',
  'documents.badPeriod': 'Unknown period: TW1 ... TW4, M01 ... M12, S1, S2 or akhir.',
  'documents.forbidden':
    "These documents are for the employee, the rater, the rater's superior, HR and auditors only.",
  'documents.penetapan': 'Format Penetapan Predikat Kinerja: {period}',
  'documents.akhir': 'the year (akhir)',
  'documents.penetapanForbidden':
    "A unit's penetapan is for its leader, the leader above, whoever holds it, HR and auditors only.",
  'verify.title': 'Check a document',
  'verify.badCode': 'That is not a document code: a code has 12 letters and digits, like AB12-CD34-EF56.',
  'verify.intact': 'Document {code} is genuine: the record still gives every fact printed on it.',
  'verify.broken':
    'Document {code} cannot be trusted: the record no longer gives the facts it was issued with.',
  'verify.unknown': 'No seal lists a document {code}: that printout was not issued by siklus.',
  'verify.unknownLayout':
    'Document {code} was printed in a layout this siklus does not know (layout {layout}): check it with a newer siklus.',
  'verify.layout': 'Printed in layout {layout} of this kind of document.',
  'verify.mustSay': 'What this document must say',
  'verify.how':
    'Type the code printed next to the QR code. Compare each entry with the printout: if anything differs, the printout is not the document issued.',
  'verify.codeLabel': 'Document code',
  'verify.check': 'Check',
};
