// A document as data: blocks of printed text, every value a *fact* with a key. The renderer
// (render.ts) prints each fact inside a marked-content span named by its index, so the verifier
// (read-pdf.ts) reads back exactly what was printed for each fact; headings and column titles are the
// form's fixed words and carry no fact.
import type { DocumentKind } from '../domain/documents/seal-events.ts';
import type { Lang } from '../domain/vocabulary/languages.ts';

export interface Fact {
  key: string;
  label: string;
  /** As printed; '-' where the record has nothing yet (a field left visibly empty). */
  value: string;
}

export type Block =
  | { kind: 'heading'; text: string }
  | { kind: 'fields'; facts: Fact[] }
  /** Column widths as shares of the line; each cell a fact, or null for a cell left blank by the form. */
  | { kind: 'table'; columns: Array<{ title: string; share: number }>; rows: Array<Array<Fact | null>> }
  | { kind: 'signatures'; columns: Fact[][] };

export interface DocumentModel {
  kind: DocumentKind;
  lang: Lang;
  title: string;
  subtitle: string;
  cycleId: string;
  appraisalId: string;
  period: string | null;
  /** The layout of its kind it prints (layouts.ts). */
  layout: number;
  /** The file name, e.g. `skp-<nip>.pdf`. */
  fileName: string;
  blocks: Block[];
}

/** The facts in printed order. */
export function factsOf(model: Pick<DocumentModel, 'blocks'>): Fact[] {
  const facts: Fact[] = [];
  for (const block of model.blocks) {
    if (block.kind === 'fields') facts.push(...block.facts);
    if (block.kind === 'table')
      for (const row of block.rows) for (const cell of row) if (cell) facts.push(cell);
    if (block.kind === 'signatures') for (const column of block.columns) facts.push(...column);
  }
  return facts;
}

/** Empty values print as a dash, and only what the standard PDF fonts can print is kept (others: '?'). */
export function printable(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '-';
  const text = String(value)
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/[^\n\x20-\x7e\u00a0-\u00ff\u2013\u2014]/g, '?')
    .trim();
  return text === '' ? '-' : text;
}

export const fact = (key: string, label: string, value: string | number | null | undefined): Fact => ({
  key,
  label,
  value: printable(value),
});
