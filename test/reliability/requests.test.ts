// The fuzzer's requests: drawn from the OpenAPI document's operations, reproducible by seed, and
// reaching every operation, caller and kind of body.
import { describe, expect, it } from 'vitest';
import { operationsOf } from '../../reliability/fuzz/operations.ts';
import { bodyKinds, callers, sampleRequests } from '../../reliability/fuzz/requests.ts';

const document = {
  paths: {
    '/v1/orgs/{org}/tasks/{taskId}/actions': {
      post: {
        parameters: [
          { name: 'org', in: 'path', required: true, schema: { type: 'string' } },
          { name: 'taskId', in: 'path', required: true, schema: { type: 'string' } },
        ],
        requestBody: {
          content: {
            'application/json': {
              schema: {
                type: 'object',
                properties: { type: { type: 'string', enum: ['acknowledgeStandards'] } },
              },
            },
          },
        },
      },
    },
    '/v1/orgs/{org}/me/tasks': {
      get: {
        parameters: [
          { name: 'org', in: 'path', required: true, schema: { type: 'string' } },
          { name: 'limit', in: 'query', schema: { type: 'integer' } },
        ],
      },
      summary: 'not an operation',
    },
  },
};

describe('the fuzzer’s requests', () => {
  const operations = operationsOf(document as never);

  it('reads the operations, their parameters and body from the document', () => {
    expect(
      operations.map((o) => [
        o.method,
        o.path,
        o.parameters.map((p) => `${p.in}:${p.name}`),
        o.body?.contentType,
      ]),
    ).toEqual([
      ['POST', '/v1/orgs/{org}/tasks/{taskId}/actions', ['path:org', 'path:taskId'], 'application/json'],
      ['GET', '/v1/orgs/{org}/me/tasks', ['path:org', 'query:limit'], undefined],
    ]);
  });

  it('are the same for the same seed and differ for another', () => {
    const known = { org: ['fuzz', 'lain'], taskId: ['t-1'] };
    const strip = (seed: number) =>
      sampleRequests(operations, known, 50, seed).map((r) => [r.url, r.caller, r.body?.kind, r.idempotency]);
    expect(strip(5)).toEqual(strip(5));
    expect(strip(5)).not.toEqual(strip(6));
  });

  it('reach every operation, caller and kind of body, fill every path parameter and use the real ids', () => {
    const requests = sampleRequests(operations, { org: ['fuzz', 'lain'], taskId: ['t-1'] }, 3_000, 1);
    expect(new Set(requests.map((r) => r.operation.method))).toEqual(new Set(['GET', 'POST']));
    expect(new Set(requests.map((r) => r.caller))).toEqual(new Set(callers));
    expect(new Set(requests.flatMap((r) => r.body?.kind ?? []))).toEqual(new Set(bodyKinds));
    expect(requests.every((r) => !r.url.includes('{'))).toBe(true);
    expect(requests.some((r) => r.url === '/v1/orgs/fuzz/tasks/t-1/actions')).toBe(true);
    expect(requests.some((r) => r.url.startsWith('/v1/orgs/lain/'))).toBe(true);
    expect(requests.some((r) => r.url.includes('?limit='))).toBe(true);
    expect(new Set(requests.filter((r) => r.operation.method === 'POST').map((r) => r.idempotency))).toEqual(
      new Set(['none', 'fresh', 'reuse']),
    );
    expect(requests.filter((r) => r.operation.method === 'GET').every((r) => r.body === undefined)).toBe(
      true,
    );
  });
});
