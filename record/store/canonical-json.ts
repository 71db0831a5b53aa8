// Canonical JSON for hashing: object keys sorted by UTF-16 code units, no whitespace, otherwise exactly
// what JSON.stringify writes (undefined members dropped, undefined array items as null, toJSON honoured).
// Stable across the jsonb round trip (jsonb reorders keys and keeps everything else we write), so a hash
// computed before insert can be recomputed from the row read back.
export function canonicalJson(value: unknown): string {
  const text = write(value);
  if (text === undefined) throw new TypeError(`cannot write a ${typeof value} as JSON`);
  return text;
}

// Builds strings by concatenation rather than arrays and joins: this runs for every appended event.
function write(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null) {
    if (typeof value === 'bigint') throw new TypeError('cannot write a bigint as JSON');
    return JSON.stringify(value);
  }
  const withToJson = value as { toJSON?: unknown };
  if (typeof withToJson.toJSON === 'function') return write(withToJson.toJSON());
  if (Array.isArray(value)) {
    let out = '[';
    for (let i = 0; i < value.length; i++) out += `${i === 0 ? '' : ','}${write(value[i]) ?? 'null'}`;
    return `${out}]`;
  }
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record);
  if (keys.length > 1) keys.sort();
  let out = '{';
  for (const key of keys) {
    const member = write(record[key]);
    if (member === undefined) continue;
    out += `${out.length === 1 ? '' : ','}${JSON.stringify(key)}:${member}`;
  }
  return `${out}}`;
}
