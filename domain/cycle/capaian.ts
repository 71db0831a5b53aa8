// Who set a unit's capaian kinerja organisasi and on what basis (SE MenPANRB 3/2023): the leader of the
// unit above it, or HR as a named delegate with the delegation's document (an SK number). The basis is a
// note and links to the evidence (a report, a dashboard). Pure; the command checks it before asking.
import { DomainError } from '../errors.ts';

export const capaianAuthorities = ['leader', 'delegate'] as const;
export type CapaianAuthority = (typeof capaianAuthorities)[number];

export interface CapaianBasis {
  as: CapaianAuthority;
  /** The delegation's document reference; required of a delegate. */
  document?: string;
  note?: string;
  links?: string[];
}

export const maxCapaianLinks = 10;
export const maxCapaianNote = 2000;
export const maxDocumentReference = 200;

/** The basis as recorded: trimmed, empty parts left out; a DomainError for a delegate without a document or a bad link. */
export function capaianBasis(
  as: CapaianAuthority,
  raw: { document?: string | undefined; note?: string | undefined; links?: readonly string[] | undefined },
): CapaianBasis {
  const document = raw.document?.trim() ?? '';
  const note = raw.note?.trim() ?? '';
  const links = (raw.links ?? []).map((l) => l.trim()).filter((l) => l !== '');
  if (as === 'delegate' && document === '')
    throw new DomainError(
      'delegate_document_required',
      "HR records a unit's capaian only as a delegate: give the delegation's document reference (e.g. the SK number)",
      { field: 'document' },
    );
  if (document.length > maxDocumentReference)
    throw new DomainError(
      'invalid_document',
      `The document reference is longer than ${maxDocumentReference} characters`,
      { field: 'document' },
    );
  if (note.length > maxCapaianNote)
    throw new DomainError('invalid_note', `The note is longer than ${maxCapaianNote} characters`, {
      field: 'note',
    });
  if (links.length > maxCapaianLinks)
    throw new DomainError('invalid_links', `At most ${maxCapaianLinks} links`, { field: 'links' });
  const bad = links.find((l) => !isWebLink(l));
  if (bad !== undefined)
    throw new DomainError('invalid_links', `A link must be an http or https address; got '${bad}'`, {
      field: 'links',
      link: bad,
    });
  return {
    as,
    ...(document ? { document } : {}),
    ...(note ? { note } : {}),
    ...(links.length > 0 ? { links } : {}),
  };
}

function isWebLink(text: string): boolean {
  try {
    const url = new URL(text);
    return (url.protocol === 'http:' || url.protocol === 'https:') && text.length <= 500;
  } catch {
    return false;
  }
}
