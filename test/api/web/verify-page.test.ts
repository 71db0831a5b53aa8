// The public /verify page says what a check of a code found, in the page's language: a genuine document
// with the layout it was printed in, a sealed document the log no longer agrees with (broken, not
// unknown), and a layout this siklus does not know.
import { describe, expect, it } from 'vitest';
import { translator } from '../../../api/web/i18n/index.ts';
import { verifyBody } from '../../../api/web/views/documents.ts';
import type { DocumentCheck } from '../../../documents/verify-document.ts';

const code = 'AB12-CD34-EF56';
const page = (lang: 'id' | 'en', check: DocumentCheck) => String(verifyBody(translator(lang), code, check));
const sealed = { code, kind: 'keberatan' as const, layout: 1, layoutKnown: true };

describe('the verify page', () => {
  it('names the layout a genuine document was printed in', () => {
    const intact = { ...sealed, intact: true, findings: [], facts: [], sections: [] };
    expect(page('id', intact)).toContain('Dicetak dengan format 1 untuk jenis dokumen ini.');
    expect(page('en', intact)).toContain('Printed in layout 1 of this kind of document.');
  });

  it('calls a sealed document whose record is gone broken, not unknown', () => {
    const gone = { ...sealed, intact: false, findings: [{ reason: 'gone' }] };
    expect(page('en', gone)).toContain(`Document ${code} cannot be trusted`);
    expect(page('en', { intact: false, code, findings: [] })).toContain(`No seal lists a document ${code}`);
  });

  it('says when the document was printed in a layout this siklus does not know', () => {
    const newer = { ...sealed, intact: false, layout: 7, layoutKnown: false, findings: [{ reason: 'x' }] };
    expect(page('en', newer)).toContain('printed in a layout this siklus does not know (layout 7)');
    expect(page('id', newer)).toContain('format yang belum dikenal siklus ini (format 7)');
    expect(page('id', newer)).not.toContain('Dicetak dengan format');
  });
});
