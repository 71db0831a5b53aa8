// The pieces of a document's proof: Merkle inclusion proofs, codes as people type them, and the QR code's
// packed text.
import { describe, expect, it } from 'vitest';
import {
  decodeQrText,
  documentLeaf,
  newCode,
  normaliseCode,
  type Payload,
  qrText,
  sealedDocumentOf,
} from '../../documents/proof.ts';
import { leafHash, merkleTree, rootOf } from '../../record/projections/merkle.ts';

const leaves = (n: number) => Array.from({ length: n }, (_, i) => leafHash(`leaf ${i}`));

describe('Merkle proofs', () => {
  it('lead every leaf of trees of 1 to 9 leaves to the root, and no other leaf there', () => {
    for (let n = 1; n <= 9; n++) {
      const tree = merkleTree(leaves(n));
      for (let i = 0; i < n; i++) {
        const proof = tree.proof(i);
        expect(rootOf(leaves(n)[i] as string, proof)).toBe(tree.root);
        expect(rootOf(leafHash('forged'), proof)).not.toBe(tree.root);
      }
    }
  });

  it('fail when one sibling or side of the proof changes', () => {
    const tree = merkleTree(leaves(6));
    const proof = tree.proof(3);
    const [first, ...rest] = proof;
    expect(first).toBeDefined();
    const [side, hash] = first ?? ['L', ''];
    expect(rootOf(leaves(6)[3] as string, [[side, leafHash('x')], ...rest])).not.toBe(tree.root);
    expect(rootOf(leaves(6)[3] as string, [[side === 'L' ? 'R' : 'L', hash], ...rest])).not.toBe(tree.root);
  });
});

describe('document codes', () => {
  it('are read back as typed: any case, spaces, I/L for 1 and O for 0', () => {
    const code = newCode();
    expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
    expect(normaliseCode(code.toLowerCase().replace(/-/g, ' '))).toBe(code);
    expect(normaliseCode('ab1o-iLk9-zz00')).toBe('AB10-11K9-ZZ00');
    expect(normaliseCode('AB1O-ILK9-ZZ0')).toBeUndefined();
    expect(normaliseCode('UUUU-UUUU-UUUU')).toBeUndefined();
  });
});

describe("the QR code's text", () => {
  const payload: Payload = {
    v: 1,
    code: 'AB12-CD34-EF56',
    kind: 'evaluasi',
    cycleId: 'kab.bungo.2027',
    appraisalId: 'kab.bungo.2027.199001012015032001',
    period: 'TW1',
    lang: 'id',
    streamVersion: 42,
    headHash: 'a'.repeat(64),
    factsHash: 'b'.repeat(64),
    seal: 3,
    proof: [
      ['L', 'c'.repeat(64)],
      ['R', 'd'.repeat(64)],
    ],
  };

  it('opens the public verification page and carries the proof back whole', () => {
    const text = qrText('https://siklus.example/', payload);
    expect(text.startsWith('https://siklus.example/verify/AB12-CD34-EF56#')).toBe(true);
    expect(decodeQrText(text)).toEqual(payload);
  });

  it('is refused when cut or not a proof', () => {
    const text = qrText('https://siklus.example', payload);
    expect(decodeQrText(text.slice(0, -10))).toBeUndefined();
    expect(decodeQrText('https://siklus.example/verify/AB12-CD34-EF56')).toBeUndefined();
    expect(decodeQrText(text.replace('#evaluasi~', '#rapor~'))).toBeUndefined();
  });

  it('carries the layout when one was recorded; a QR code printed before layouts reads as none', () => {
    const text = qrText('https://siklus.example', { ...payload, layout: 2 });
    expect(text.endsWith('~2')).toBe(true);
    expect(decodeQrText(text)).toEqual({ ...payload, layout: 2 });
    expect(decodeQrText(qrText('https://siklus.example', payload))?.layout).toBeUndefined();
    expect(decodeQrText(`${text.slice(0, -2)}~x`)).toBeUndefined();
    expect(decodeQrText(`${text}~3`)).toBeUndefined();
  });
});

describe("a document's leaf in its seal", () => {
  const payload = {
    v: 1 as const,
    code: 'AB12-CD34-EF56',
    kind: 'keberatan' as const,
    cycleId: 'bungo.2027',
    appraisalId: 'bungo.2027.199001012015032001',
    period: null,
    lang: 'id' as const,
    streamVersion: 42,
    headHash: 'a'.repeat(64),
    factsHash: 'b'.repeat(64),
  };

  it('stays what it was for a document sealed before layouts, and names the layout when recorded', () => {
    const stream = 'appraisal-bungo.2027.199001012015032001';
    // The leaf as seals made before layouts computed it.
    const before = leafHash(
      [
        'doc',
        payload.code,
        'keberatan',
        payload.appraisalId,
        '',
        'id',
        stream,
        42,
        'a'.repeat(64),
        'b'.repeat(64),
      ].join(':'),
    );
    expect(documentLeaf(sealedDocumentOf(payload), stream)).toBe(before);
    const first = documentLeaf(sealedDocumentOf({ ...payload, layout: 1 }), stream);
    expect(first).not.toBe(before);
    expect(documentLeaf(sealedDocumentOf({ ...payload, layout: 2 }), stream)).not.toBe(first);
  });
});
