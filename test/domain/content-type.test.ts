import { describe, expect, it } from 'vitest';
import { contentTypeOf } from '../../domain/files/content-type.ts';

const bytes = (...b: number[]) => new Uint8Array(b);

describe('a file kind read from its first bytes', () => {
  it('knows a PNG, a JPEG and a PDF by their magic numbers', () => {
    expect(contentTypeOf(bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0))).toBe('image/png');
    expect(contentTypeOf(bytes(0xff, 0xd8, 0xff, 0xe0))).toBe('image/jpeg');
    expect(contentTypeOf(new TextEncoder().encode('%PDF-1.7\n'))).toBe('application/pdf');
  });

  it('refuses anything else, a truncated signature and text that only says it is a PDF included', () => {
    expect(contentTypeOf(bytes(0x89, 0x50, 0x4e, 0x47))).toBeNull();
    expect(contentTypeOf(new TextEncoder().encode('<html>%PDF-'))).toBeNull();
    expect(contentTypeOf(new TextEncoder().encode('GIF89a'))).toBeNull();
    expect(contentTypeOf(bytes())).toBeNull();
  });
});
