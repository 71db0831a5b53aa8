// What a file is, read from its first bytes (its "magic number"), never from its name or the type its
// sender claims: a PNG, a JPEG or a PDF, the kinds siklus keeps (logos, evidence photos and scans).

export type KeptContentType = 'image/png' | 'image/jpeg' | 'application/pdf';

const signatures: Array<[KeptContentType, number[]]> = [
  ['image/png', [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]],
  ['image/jpeg', [0xff, 0xd8, 0xff]],
  ['application/pdf', [0x25, 0x50, 0x44, 0x46, 0x2d]], // %PDF-
];

/** The kind the bytes begin as, or null for anything else. */
export function contentTypeOf(bytes: Uint8Array): KeptContentType | null {
  for (const [type, magic] of signatures) if (magic.every((b, i) => bytes[i] === b)) return type;
  return null;
}
