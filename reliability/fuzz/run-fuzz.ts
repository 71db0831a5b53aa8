// Sends the drawn requests one after another and counts what must never happen: a 5xx, an error that
// is not problem+json, and a rejected request after which the record differs (the fingerprint of every
// table but the idempotency keys). An accepted write may start work that lands a moment later (a cycle's
// launch), so the record is let settle after it before the next request is judged.
import { randomUUID } from 'node:crypto';
import type { Caller, FuzzRequest } from './requests.ts';

export interface FuzzTarget {
  baseUrl: string;
  /** The bearer token each caller sends; none for `none`. */
  tokens: Partial<Record<Caller, string>>;
  /** A digest of the record: equal before and after a request that changed nothing. */
  fingerprint(): Promise<string>;
}

export interface FuzzFigures {
  requests: number;
  by_status: Record<string, number>;
  fiveHundreds: number;
  nonProblemErrors: number;
  stateChangesFromRejected: number;
  /** The first few requests behind each non-zero figure, to reproduce them. */
  examples: Array<{
    figure: string;
    method: string;
    url: string;
    caller: Caller;
    body?: string;
    status: number;
    detail: string;
  }>;
}

const settleMs = 150;
const settleLimitMs = 20_000;

export async function runFuzz(target: FuzzTarget, requests: FuzzRequest[]): Promise<FuzzFigures> {
  const figures: FuzzFigures = {
    requests: 0,
    by_status: {},
    fiveHundreds: 0,
    nonProblemErrors: 0,
    stateChangesFromRejected: 0,
    examples: [],
  };
  const usedKeys: string[] = [];
  let before = await settled(target);
  for (const request of requests) {
    const key =
      request.idempotency === 'fresh' || (request.idempotency === 'reuse' && usedKeys.length === 0)
        ? randomUUID()
        : request.idempotency === 'reuse'
          ? usedKeys[figures.requests % usedKeys.length]
          : undefined;
    if (key && request.idempotency === 'fresh') usedKeys.push(key);
    const answer = await send(target, request, key);
    figures.requests++;
    figures.by_status[answer.status] = (figures.by_status[answer.status] ?? 0) + 1;
    const note = (figure: string, detail: string) => {
      if (figures.examples.filter((e) => e.figure === figure).length >= 5) return;
      figures.examples.push({
        figure,
        method: request.operation.method,
        url: request.url.slice(0, 300),
        caller: request.caller,
        ...(request.body ? { body: request.body.kind } : {}),
        status: answer.status,
        detail: detail.slice(0, 300),
      });
    };
    if (answer.status >= 500) {
      figures.fiveHundreds++;
      note('fiveHundreds', answer.text);
    }
    if (answer.status >= 400 && !answer.type.startsWith('application/problem+json')) {
      figures.nonProblemErrors++;
      note('nonProblemErrors', `${answer.type}: ${answer.text}`);
    }
    const accepted = answer.status < 400;
    const after =
      accepted && request.operation.method !== 'GET' ? await settled(target) : await target.fingerprint();
    if (!accepted && after !== before) {
      figures.stateChangesFromRejected++;
      note('stateChangesFromRejected', `${changedParts(before, after)}: ${answer.text}`);
      before = await settled(target);
    } else before = after;
  }
  return figures;
}

async function send(target: FuzzTarget, request: FuzzRequest, key: string | undefined) {
  const token = target.tokens[request.caller];
  const headers: Record<string, string> = {
    ...(token ? { authorization: `Bearer ${token}` } : {}),
    ...(key ? { 'idempotency-key': key } : {}),
    ...(request.body ? { 'content-type': request.body.contentType } : {}),
  };
  try {
    const response = await fetch(`${target.baseUrl}${request.url}`, {
      method: request.operation.method,
      headers,
      ...(request.body ? { body: request.body.data } : {}),
      redirect: 'manual',
      signal: AbortSignal.timeout(60_000),
    });
    const text = await response.text();
    return { status: response.status, type: response.headers.get('content-type') ?? '', text };
  } catch (error) {
    // The connection closed without an answer: counted as a server error.
    return {
      status: 599,
      type: '',
      text: error instanceof Error ? `${error.message} ${String(error.cause ?? '')}` : String(error),
    };
  }
}

/** Which parts (`name=digest`, joined by `|`) of two fingerprints differ, by name. */
function changedParts(before: string, after: string): string {
  const parts = (f: string) => new Map(f.split('|').map((p) => [p.split('=')[0], p] as const));
  const was = parts(before);
  return [...parts(after)]
    .filter(([name, part]) => was.get(name) !== part)
    .map(([name]) => name)
    .join(', ');
}

/** The fingerprint once it stops changing (two equal reads a moment apart). */
async function settled(target: FuzzTarget): Promise<string> {
  const until = Date.now() + settleLimitMs;
  let last = await target.fingerprint();
  while (Date.now() < until) {
    await new Promise((resolve) => setTimeout(resolve, settleMs));
    const now = await target.fingerprint();
    if (now === last) return now;
    last = now;
  }
  return last;
}
