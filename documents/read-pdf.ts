// Reads a document back from its PDF with pdf.js: the text printed in each fact's marked-content span
// (render.ts), the printed code, and the proof in the metadata. Only what the pages show counts as
// printed; the metadata's per-fact hashes say what each fact was when issued.
import { decodePayload, type Payload } from './proof.ts';

export interface ReadDocument {
  payload: Payload | undefined;
  /** The printed code of each page. */
  codes: string[];
  /** What each fact span printed, by index (spans of one index on several pages are joined). */
  printed: Map<number, string>;
}

export async function readPdf(bytes: Uint8Array): Promise<ReadDocument> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const pdf = await pdfjs.getDocument({ data: new Uint8Array(bytes), verbosity: 0, isEvalSupported: false })
    .promise;
  try {
    const meta = await pdf.getMetadata();
    const subject = (meta.info as { Subject?: unknown }).Subject;
    const payload = typeof subject === 'string' ? decodePayload(subject) : undefined;
    const printed = new Map<number, string>();
    const codes: string[] = [];
    for (let n = 1; n <= pdf.numPages; n++) {
      const page = await pdf.getPage(n);
      const content = await page.getTextContent({ includeMarkedContent: true });
      const open: string[] = [];
      let text = '';
      for (const item of content.items) {
        if ('type' in item) {
          if (item.type === 'beginMarkedContent' || item.type === 'beginMarkedContentProps') {
            open.push((item as { tag?: string }).tag ?? '');
            text = '';
          } else if (item.type === 'endMarkedContent') {
            const tag = open.pop() ?? '';
            if (tag === 'Code') codes.push(text.trim());
            const match = /^F(\d+)$/.exec(tag);
            if (match) {
              const i = Number(match[1]);
              printed.set(i, `${printed.get(i) ?? ''} ${text}`.trim());
            }
            text = '';
          }
        } else if (open.length > 0) text += `${item.str}${item.hasEOL ? ' ' : ''}`;
      }
    }
    return { payload, codes, printed };
  } finally {
    await pdf.destroy();
  }
}
