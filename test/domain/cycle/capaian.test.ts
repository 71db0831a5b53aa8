// The basis of a unit's capaian as recorded: a delegate names the document; notes and links are checked.
import { describe, expect, it } from 'vitest';
import { capaianBasis, maxCapaianLinks } from '../../../domain/cycle/capaian.ts';
import { DomainError } from '../../../domain/errors.ts';

const codeOf = (run: () => unknown) => {
  try {
    run();
    return null;
  } catch (error) {
    return error instanceof DomainError ? error.code : 'not a domain error';
  }
};

describe('given the leader of the unit above', () => {
  it('when they give no document, note or links, then the basis is only who they are', () => {
    expect(capaianBasis('leader', {})).toEqual({ as: 'leader' });
  });

  it('when they give a note and links with blanks around, then they are trimmed and blank lines dropped', () => {
    expect(capaianBasis('leader', { note: ' IKU 92% ', links: [' https://a.go.id/x ', ''] })).toEqual({
      as: 'leader',
      note: 'IKU 92%',
      links: ['https://a.go.id/x'],
    });
  });

  it('when a link is not http or https, then it is refused', () => {
    expect(codeOf(() => capaianBasis('leader', { links: ['ftp://a.go.id/x'] }))).toBe('invalid_links');
    expect(codeOf(() => capaianBasis('leader', { links: ['not a link'] }))).toBe('invalid_links');
  });

  it(`when there are more than ${maxCapaianLinks} links, then they are refused; exactly ${maxCapaianLinks} pass`, () => {
    const links = (n: number) => Array.from({ length: n }, (_, i) => `https://a.go.id/${i}`);
    expect(capaianBasis('leader', { links: links(maxCapaianLinks) }).links).toHaveLength(maxCapaianLinks);
    expect(codeOf(() => capaianBasis('leader', { links: links(maxCapaianLinks + 1) }))).toBe('invalid_links');
  });

  it('when the note is longer than 2,000 characters, then it is refused', () => {
    expect(codeOf(() => capaianBasis('leader', { note: 'x'.repeat(2000) }))).toBeNull();
    expect(codeOf(() => capaianBasis('leader', { note: 'x'.repeat(2001) }))).toBe('invalid_note');
  });
});

describe('given HR as a delegate', () => {
  it('when the document is missing or blank, then it is refused', () => {
    expect(codeOf(() => capaianBasis('delegate', {}))).toBe('delegate_document_required');
    expect(codeOf(() => capaianBasis('delegate', { document: '   ' }))).toBe('delegate_document_required');
  });

  it('when the document is named, then it is recorded with the basis', () => {
    expect(capaianBasis('delegate', { document: ' SK 800/7/2027 ' })).toEqual({
      as: 'delegate',
      document: 'SK 800/7/2027',
    });
  });
});
