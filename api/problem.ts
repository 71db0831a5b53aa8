// RFC 9457 problem details with a stable `code`. Every error the API answers goes through here, so
// clients can branch on `code` and people can read `detail`. What the API refuses is a Refusal
// (api/commands/refusal.ts), the same one the commands throw.
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

export interface Problem {
  type: string;
  title: string;
  status: number;
  code: string;
  detail?: string;
  errors?: Array<{ path: string; message: string }>;
  [extra: string]: unknown;
}

const titles: Record<number, string> = {
  400: 'Bad request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not found',
  409: 'Conflict',
  413: 'Payload too large',
  415: 'Unsupported media type',
  422: 'Rule violation',
  500: 'Internal error',
  503: 'Service unavailable',
};

export function problemBody(
  status: number,
  code: string,
  detail?: string,
  extra: Record<string, unknown> = {},
): Problem {
  return {
    type: `https://siklus.dev/problems/${code}`,
    title: titles[status] ?? 'Error',
    status,
    code,
    ...(detail ? { detail } : {}),
    ...extra,
  };
}

export function problem(
  c: Context,
  status: number,
  code: string,
  detail?: string,
  extra: Record<string, unknown> = {},
) {
  return c.body(JSON.stringify(problemBody(status, code, detail, extra)), status as ContentfulStatusCode, {
    'content-type': 'application/problem+json',
  });
}
