// Requests made from the API's own OpenAPI document: an example for each request body (one per option of
// a top-level oneOf) and the places in it where an object sits, so a test can put an unknown field in
// each and expect it named back. New routes and fields are covered without touching the test.

export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  oneOf?: JsonSchema[];
  anyOf?: JsonSchema[];
  enum?: unknown[];
  const?: unknown;
  format?: string;
  pattern?: string;
  minimum?: number;
  minLength?: number;
}

export type FieldPath = Array<string | number>;

/** An example value for a schema, with the path of every object in it that has named properties. */
export function exampleOf(schema: JsonSchema, at: FieldPath = [], objects: FieldPath[] = []): unknown {
  const choice = schema.oneOf?.[0] ?? schema.anyOf?.[0];
  if (choice) return exampleOf(choice, at, objects);
  if (schema.const !== undefined) return schema.const;
  if (schema.enum) return schema.enum[0];
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type;
  if (type === 'object' || schema.properties) {
    // A record (no named properties) takes any key: only objects with properties are strict.
    if (!schema.properties) return {};
    objects.push(at);
    return Object.fromEntries(
      Object.entries(schema.properties).map(([k, s]) => [k, exampleOf(s, [...at, k], objects)]),
    );
  }
  if (type === 'array') return schema.items ? [exampleOf(schema.items, [...at, 0], objects)] : [];
  if (type === 'integer' || type === 'number') return schema.minimum ?? 1;
  if (type === 'boolean') return true;
  if (schema.format === 'date') return '2030-01-02';
  if (schema.format === 'date-time') return '2030-01-02T00:00:00Z';
  if (schema.format === 'uri') return 'https://example.org/evidence';
  if (schema.pattern === '^\\d{18}$') return '199001012015031001';
  return 'x'.repeat(Math.max(1, schema.minLength ?? 1));
}

/** Examples of a request body: each option of a top-level oneOf/anyOf on its own. */
export function bodyExamples(schema: JsonSchema): Array<{ value: unknown; objects: FieldPath[] }> {
  const options = schema.oneOf ?? schema.anyOf ?? [schema];
  return options.map((option) => {
    const objects: FieldPath[] = [];
    return { value: exampleOf(option, [], objects), objects };
  });
}

/** A deep copy of `value` with `key: 1` added to the object at `path`. */
export function withField(value: unknown, path: FieldPath, key: string): unknown {
  const copy = structuredClone(value) as Record<string | number, unknown>;
  let node: Record<string | number, unknown> = copy;
  for (const step of path) node = node[step] as Record<string | number, unknown>;
  node[key] = 1;
  return copy;
}

export const dotted = (path: FieldPath) => path.join('.');
