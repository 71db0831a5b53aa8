// Sends the drawn requests one after another and counts what must never happen: a 5xx, an error that
// is not problem+json, and a rejected request after which the record differs (the fingerprint of every
// table but the idempotency keys). An accepted write may start work that lands a moment later (a cycle's
// launch), so the record is let settle after it before the next request is judged.
import { randomUUID } from 'node:crypto';
import { request as httpRequest } from 'node:http';
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

/**
 * One request on a connection of its own (no pool: a kept-alive socket the server closes while idle is
 * a client's race, not the server's fault), with the path sent exactly as drawn (no URL normalisation of
 * `..`).
 */
function send(target: FuzzTarget, request: FuzzRequest, key: string | undefined) {
  const token = target.tokens[request.caller];
  const body = request.body ? Buffer.from(request.body.data) : undefined;
  const headers: Record<string, string> = {
    ...(token ? { authorization: `Bearer ${token}` } : {}),
    ...(key ? { 'idempotency-key': key } : {}),
    ...(request.body
      ? { 'content-type': request.body.contentType, 'content-length': String(body?.length ?? 0) }
      : {}),
  };
  const base = new URL(target.baseUrl);
  return new Promise<{ status: number; type: string; text: string }>((resolve) => {
    const fail = (error: Error) => resolve({ status: 599, type: '', text: `${error.message}` });
    const outgoing = httpRequest(
      {
        host: base.hostname,
        port: base.port,
        path: request.url,
        method: request.operation.method,
        headers,
        agent: false,
        timeout: 60_000,
      },
      (response) => {
        // A live feed (Server-Sent Events) stays open by design: its status and type are the answer.
        if (String(response.headers['content-type'] ?? '').startsWith('text/event-stream')) {
          resolve({ status: response.statusCode ?? 0, type: 'text/event-stream', text: '' });
          outgoing.destroy();
          return;
        }
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('error', fail);
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            type: String(response.headers['content-type'] ?? ''),
            text: Buffer.concat(chunks).toString('utf8'),
          }),
        );
      },
    );
    outgoing.on('timeout', () => outgoing.destroy(new Error('no answer within 60 s')));
    // The server may answer (413) and close before the body is all written: the answer still counts.
    outgoing.on('error', fail);
    outgoing.end(body);
  });
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
