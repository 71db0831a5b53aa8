// Hostile requests drawn with fast-check from the API's operations: the caller (every role, another
// organisation's HR, no token, bad, expired and wrong-audience tokens), path values (real ids of this
// and another organisation, path tricks, NUL, huge and odd text), query values, and bodies (the schema's
// example, an unknown field, a wrong type, random JSON, deep nesting, a huge body, bad UTF-8, not JSON,
// empty, a wrong content type), with and without an Idempotency-Key, sometimes one already used.
import fc from 'fast-check';
import { bodyExamples, type JsonSchema, withField } from './openapi-examples.ts';
import type { Operation, Parameter } from './operations.ts';

export const callers = [
  'employee',
  'supervisor',
  'superior',
  'peer',
  'hr',
  'auditor',
  'otherHr',
  'none',
  'garbage',
  'expired',
  'wrongAudience',
  'foreignKey',
] as const;
export type Caller = (typeof callers)[number];

export const bodyKinds = [
  'example',
  'unknownField',
  'wrongType',
  'json',
  'deep',
  'huge',
  'badUtf8',
  'notJson',
  'empty',
  'wrongContentType',
] as const;
export type BodyKind = (typeof bodyKinds)[number];

export interface FuzzRequest {
  operation: Operation;
  /** Path and query, encoded as sent. */
  url: string;
  caller: Caller;
  body?: { kind: BodyKind; contentType: string; data: string | Uint8Array };
  idempotency: 'none' | 'fresh' | 'reuse';
}

/** Real values of each path or query parameter by its name (`org`, `cycleId`, `nip`, ...). */
export type KnownValues = Record<string, string[]>;

/** Path segments sent as they are (already encoded): traversal, encoded NUL and slash, bad escapes. */
const rawSegments = ['..', '%2e%2e%2f..%2fetc%2fpasswd', '%00', 'a%2Fb', '%ff%fe', '%', '.', 'x%0d%0aX:%20y'];
/** Values sent encoded. */
const oddValues = [
  '',
  ' ',
  'x'.repeat(5000),
  "' or 1=1 --",
  '<script>alert(1)</script>',
  '\u0000',
  '\ud800',
  '🙂'.repeat(40),
  '199001012015031001',
  '-1',
  '1e309',
  'null',
  '{}',
];

/** Percent-encoded; a lone surrogate (which encodeURIComponent refuses) as the bytes of one, not UTF-8. */
const encode = (value: string) => {
  try {
    return encodeURIComponent(value);
  } catch {
    return '%ED%A0%80';
  }
};

function valueArbitrary(parameter: Parameter, known: KnownValues): fc.Arbitrary<string> {
  const real = known[parameter.name] ?? [];
  const encoded = fc
    .oneof(fc.constantFrom(...oddValues), fc.string({ maxLength: 40 }), fc.integer().map(String))
    .map(encode);
  const choices: Array<fc.WeightedArbitrary<string>> = [
    { arbitrary: encoded, weight: 3 },
    { arbitrary: fc.constantFrom(...rawSegments), weight: 1 },
  ];
  if (real.length > 0) choices.push({ arbitrary: fc.constantFrom(...real).map(encode), weight: 6 });
  return fc.oneof(...choices);
}

function urlArbitrary(operation: Operation, known: KnownValues): fc.Arbitrary<string> {
  const inPath = operation.parameters.filter((p) => p.in === 'path');
  const inQuery = operation.parameters.filter((p) => p.in === 'query');
  const pathValues = fc.tuple(...inPath.map((p) => valueArbitrary(p, known)));
  const queryValues = fc.tuple(
    ...inQuery.map((p) => fc.option(valueArbitrary(p, known), { nil: undefined, freq: 2 })),
  );
  return fc.tuple(pathValues, queryValues).map(([values, query]) => {
    let path = operation.path;
    inPath.forEach((p, i) => {
      path = path.replace(`{${p.name}}`, values[i] ?? '');
    });
    const pairs = inQuery.flatMap((p, i) => (query[i] === undefined ? [] : [`${p.name}=${query[i]}`]));
    return pairs.length > 0 ? `${path}?${pairs.join('&')}` : path;
  });
}

/** A copy of `value` with the property at a random object path set to a value of another type. */
function withWrongType(value: unknown, schema: JsonSchema): fc.Arbitrary<unknown> {
  const keys = Object.keys(schema.properties ?? {});
  if (keys.length === 0 || typeof value !== 'object' || value === null) return fc.anything();
  return fc
    .tuple(fc.constantFrom(...keys), fc.oneof(fc.anything(), fc.constant(null), fc.double()))
    .map(([key, wrong]) => ({ ...(value as Record<string, unknown>), [key]: wrong }));
}

const badUtf8 = Uint8Array.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xc3, 0x28, 0xff, 0xfe, 0x22, 0x7d]);

/** Over the API's 1 MiB limit. */
const hugeBody = JSON.stringify({ a: 'x'.repeat(1_200_000) });

function bodyArbitrary(schema: JsonSchema, contentType: string): fc.Arbitrary<FuzzRequest['body']> {
  const examples = bodyExamples(schema);
  const example = fc.constantFrom(...examples);
  const json = (kind: BodyKind, value: fc.Arbitrary<unknown>) =>
    value.map((v) => ({ kind, contentType, data: JSON.stringify(v) ?? 'null' }));
  const isJson = contentType.includes('json');
  return fc.oneof(
    {
      arbitrary: json(
        'example',
        example.map((e) => e.value),
      ),
      weight: 4,
    },
    {
      arbitrary: json(
        'unknownField',
        example.chain((e) =>
          e.objects.length === 0
            ? fc.constant(e.value)
            : fc.constantFrom(...e.objects).map((at) => withField(e.value, at, 'unexpected')),
        ),
      ),
      weight: 2,
    },
    {
      arbitrary: json(
        'wrongType',
        example.chain((e) => withWrongType(e.value, schema.oneOf?.[0] ?? schema)),
      ),
      weight: 3,
    },
    { arbitrary: json('json', fc.jsonValue({ maxDepth: 4 })), weight: 2 },
    {
      arbitrary: fc.integer({ min: 1_000, max: 100_000 }).map((depth) => ({
        kind: 'deep' as const,
        contentType,
        data: `${'['.repeat(depth)}${']'.repeat(depth)}`,
      })),
      weight: 1,
    },
    {
      arbitrary: fc.constant({ kind: 'huge' as const, contentType, data: hugeBody }),
      weight: 1,
    },
    { arbitrary: fc.constant({ kind: 'badUtf8' as const, contentType, data: badUtf8 }), weight: 1 },
    {
      arbitrary: fc
        .string({ maxLength: 60 })
        .map((s) => ({ kind: 'notJson' as const, contentType, data: `{${s}` })),
      weight: 1,
    },
    { arbitrary: fc.constant({ kind: 'empty' as const, contentType, data: '' }), weight: 1 },
    {
      arbitrary: json(
        'wrongContentType',
        example.map((e) => e.value),
      ).map((b) => ({
        ...b,
        kind: 'wrongContentType' as const,
        contentType: isJson ? 'text/plain' : 'application/json',
      })),
      weight: 1,
    },
  );
}

export function requestArbitrary(operations: Operation[], known: KnownValues): fc.Arbitrary<FuzzRequest> {
  return fc.constantFrom(...operations).chain((operation) =>
    fc.record({
      operation: fc.constant(operation),
      url: urlArbitrary(operation, known),
      caller: fc.constantFrom(...callers),
      body: operation.body
        ? fc.option(bodyArbitrary(operation.body.schema, operation.body.contentType), {
            nil: undefined,
            freq: 10,
          })
        : fc.constant(undefined),
      idempotency:
        operation.method === 'POST' ? fc.constantFrom('none', 'fresh', 'reuse') : fc.constant('none'),
    }),
  );
}

/** `count` requests, the same ones for the same seed. */
export function sampleRequests(
  operations: Operation[],
  known: KnownValues,
  count: number,
  seed: number,
): FuzzRequest[] {
  return fc.sample(requestArbitrary(operations, known), { numRuns: count, seed });
}
