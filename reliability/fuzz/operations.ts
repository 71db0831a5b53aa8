// The API's operations as its own OpenAPI document declares them (`GET /openapi.json`): method, path
// template, parameters and request body. The fuzzer draws its requests from these, so a new route is
// fuzzed without touching the fuzzer.
import type { JsonSchema } from './openapi-examples.ts';

export interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header';
  required: boolean;
  schema: JsonSchema;
}

export interface Operation {
  method: string;
  /** The template, e.g. `/v1/orgs/{org}/tasks/{taskId}`. */
  path: string;
  parameters: Parameter[];
  /** The first declared body type and its schema. */
  body?: { contentType: string; schema: JsonSchema };
}

interface OpenApiOperation {
  parameters?: Array<{ name: string; in: string; required?: boolean; schema?: JsonSchema }>;
  requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
}

export interface OpenApiDocument {
  paths?: Record<string, Record<string, OpenApiOperation>>;
}

const methods = new Set(['get', 'post', 'put', 'patch', 'delete']);

export function operationsOf(document: OpenApiDocument): Operation[] {
  return Object.entries(document.paths ?? {}).flatMap(([path, item]) =>
    Object.entries(item)
      .filter(([method]) => methods.has(method))
      .map(([method, op]): Operation => {
        const [contentType, content] = Object.entries(op.requestBody?.content ?? {})[0] ?? [];
        return {
          method: method.toUpperCase(),
          path,
          parameters: (op.parameters ?? []).flatMap((p) =>
            p.in === 'path' || p.in === 'query' || p.in === 'header'
              ? [{ name: p.name, in: p.in, required: p.required ?? p.in === 'path', schema: p.schema ?? {} }]
              : [],
          ),
          ...(contentType ? { body: { contentType, schema: content?.schema ?? {} } } : {}),
        };
      }),
  );
}

/** Writes change state; only theirs may (a rejected one must not). */
export const isWrite = (op: Operation) => op.method !== 'GET';
