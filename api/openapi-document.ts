// The OpenAPI document as clients need it: the routes' own schemas (from zod), plus what middleware adds to
// every operation under /v1/orgs, declared once here rather than on each route: the bearer token (401 when
// missing or invalid), the body limit (413 on operations that take a body) and the Idempotency-Key header
// of every POST (api/idempotency.ts).
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Env } from 'hono';

type Operation = {
  parameters?: Array<Record<string, unknown>>;
  requestBody?: unknown;
  responses?: Record<string, unknown>;
  security?: Array<Record<string, string[]>>;
};
type Document = ReturnType<OpenAPIHono['getOpenAPI31Document']>;

const problem = (description: string) => ({
  description,
  content: {
    'application/problem+json': {
      schema: {
        type: 'object',
        properties: { code: { type: 'string' }, detail: { type: 'string' } },
        required: ['code'],
      },
    },
  },
});

const idempotencyKey = {
  name: 'Idempotency-Key',
  in: 'header',
  required: false,
  description:
    'Any string of at most 200 characters. A retry with the same key and body gets the first answer and changes nothing; the same key with another body is refused (422).',
  schema: { type: 'string', maxLength: 200 },
};

const methods = ['get', 'put', 'post', 'delete', 'patch'] as const;

export function apiDocument<E extends Env>(app: OpenAPIHono<E>): Document {
  const doc = app.getOpenAPI31Document({ openapi: '3.1.0', info: { title: 'siklus API', version: '1' } });
  doc.components = {
    ...doc.components,
    securitySchemes: {
      ...(doc.components?.securitySchemes ?? {}),
      bearer: {
        type: 'http',
        scheme: 'bearer',
        bearerFormat: 'JWT',
        description:
          "A JWT of the organisation's identity provider: sub is the NIP, org the organisation, roles the granted roles.",
      },
    },
  };
  for (const [path, item] of Object.entries(doc.paths ?? {})) {
    if (!path.startsWith('/v1/orgs/')) continue;
    for (const method of methods) {
      const op = (item as Record<string, Operation | undefined>)[method];
      if (!op) continue;
      op.security = [{ bearer: [] }];
      op.responses = {
        ...op.responses,
        401: problem('No bearer token (code unauthenticated), or one that is not valid (invalid_token)'),
      };
      if (op.requestBody)
        op.responses[413] = problem('The body is larger than the limit (code payload_too_large)');
      if (method === 'post' && !op.parameters?.some((p) => p.name === 'Idempotency-Key'))
        op.parameters = [...(op.parameters ?? []), idempotencyKey];
    }
  }
  return doc;
}
