// An API client that behaves as a real one during an outage: a request that gets no final answer (the
// connection failed, a 5xx, or 409 request_in_progress for its Idempotency-Key) is sent again, with the
// same key, until it does. A request without a key is retried too: a client cannot know whether the
// first copy was recorded, and the API must refuse the second if it was.
import { setTimeout as delay } from 'node:timers/promises';

export interface Answer {
  status: number;
  body: unknown;
  /** How many times it was sent (1 when the first answer was final). */
  attempts: number;
}

const giveUpAfterMs = 300_000;

export async function send(
  baseUrl: string,
  token: string,
  method: 'GET' | 'POST',
  path: string,
  options: { body?: unknown; key?: string } = {},
): Promise<Answer> {
  const deadline = Date.now() + giveUpAfterMs;
  for (let attempts = 1; ; attempts++) {
    const answer = await once(baseUrl, token, method, path, options);
    const final =
      answer.status < 500 &&
      !(answer.status === 409 && (answer.body as { code?: string })?.code === 'request_in_progress');
    if (final) return { ...answer, attempts };
    if (Date.now() > deadline)
      throw new Error(
        `${method} ${path}: no final answer after ${attempts} attempts: ${answer.status} ${JSON.stringify(answer.body).slice(0, 300)}`,
      );
    await delay(Math.min(250 * attempts, 3_000));
  }
}

async function once(
  baseUrl: string,
  token: string,
  method: string,
  path: string,
  options: { body?: unknown; key?: string },
): Promise<{ status: number; body: unknown }> {
  try {
    const response = await fetch(`${baseUrl}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(options.body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(options.key ? { 'idempotency-key': options.key } : {}),
      },
      ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}),
      signal: AbortSignal.timeout(60_000),
    });
    const text = await response.text();
    let body: unknown = text;
    try {
      body = JSON.parse(text);
    } catch {}
    return { status: response.status, body };
  } catch (error) {
    // No answer at all (connection refused or reset, timeout): not final.
    return { status: 599, body: error instanceof Error ? error.message : String(error) };
  }
}
