// The OpenAPI document against the routes the API really serves: every operation under /v1/orgs that the
// app registers is in the document and nothing else is, and each declares the bearer security scheme,
// the 401 answer, the 413 answer where it takes a body, and the Idempotency-Key header where it is a POST.
// Built from the app itself, no server: a route added without a declaration fails here.
import { describe, expect, it } from 'vitest';
import { createApp } from '../../api/app.ts';
import type { ApiDependencies } from '../../api/context.ts';
import { apiDocument } from '../../api/openapi-document.ts';

type Operation = {
  security?: unknown;
  responses?: Record<string, unknown>;
  requestBody?: unknown;
  parameters?: Array<{ name: string; in: string }>;
};

// Building the app reads no dependency; requests would.
const app = createApp({} as ApiDependencies);
const doc = apiDocument(app);
const verbs = new Set(['get', 'post', 'put', 'patch', 'delete']);
const served = new Set(
  app.routes
    .filter((r) => r.path.startsWith('/v1/orgs/') && verbs.has(r.method.toLowerCase()))
    .map((r) => `${r.method.toLowerCase()} ${r.path.replace(/:(\w+)/g, '{$1}')}`),
);
const paths = doc.paths as Record<string, Record<string, Operation>>;
const declared = new Map(
  Object.entries(paths)
    .filter(([path]) => path.startsWith('/v1/orgs/'))
    .flatMap(([path, item]) =>
      Object.entries(item)
        .filter(([method]) => verbs.has(method))
        .map(([method, op]): [string, Operation] => [`${method} ${path}`, op]),
    ),
);

describe('the OpenAPI document against the routes', () => {
  it('declares every operation the API serves under /v1/orgs, and no other', () => {
    expect(served.size).toBeGreaterThan(40);
    expect([...served].filter((op) => !declared.has(op))).toEqual([]);
    expect([...declared.keys()].filter((op) => !served.has(op))).toEqual([]);
  });

  it('declares the bearer scheme, and on every operation its security, 401, 413 and Idempotency-Key', () => {
    const scheme = (doc.components?.securitySchemes as Record<string, unknown> | undefined)?.bearer;
    expect(scheme).toMatchObject({ type: 'http', scheme: 'bearer' });
    const missing: string[] = [];
    for (const [where, op] of declared) {
      const answers = Object.keys(op.responses ?? {});
      if (JSON.stringify(op.security) !== JSON.stringify([{ bearer: [] }]))
        missing.push(`${where}: security`);
      if (!answers.includes('401')) missing.push(`${where}: 401`);
      if (op.requestBody && !answers.includes('413')) missing.push(`${where}: 413`);
      const key = op.parameters?.find((p) => p.name === 'Idempotency-Key');
      if (where.startsWith('post ') && key?.in !== 'header') missing.push(`${where}: Idempotency-Key`);
      if (!where.startsWith('post ') && key)
        missing.push(`${where}: Idempotency-Key on a ${where.split(' ')[0]}`);
    }
    expect(missing).toEqual([]);
  });
});
