// A request whose body goes out chunked (no Content-Length), written only as fast as the server reads
// it: `sentBeforeAnswer` tells how much of the body had left when the answer came, so a test can see
// whether the server stopped reading at its limit or took the whole body in first.
import { request } from 'node:http';

export interface ChunkedAnswer {
  status: number;
  type: string | null;
  body: string;
  /** Body bytes handed to the socket before the status line arrived. */
  sentBeforeAnswer: number;
}

export function sendChunked(
  url: string,
  options: { method?: string; headers?: Record<string, string>; chunks: Iterable<string | Buffer> },
): Promise<ChunkedAnswer> {
  return new Promise((resolve, reject) => {
    let sent = 0;
    let answered = false;
    let sentBeforeAnswer = 0;
    let failed: Error | null = null;
    const req = request(url, { method: options.method ?? 'POST', headers: options.headers ?? {} });
    let wake: (() => void) | null = null;
    const wakeUp = () => {
      wake?.();
      wake = null;
    };
    req.on('response', (res) => {
      answered = true;
      sentBeforeAnswer = sent;
      wakeUp();
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (d: string) => {
        body += d;
      });
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          type: res.headers['content-type'] ?? null,
          body,
          sentBeforeAnswer,
        }),
      );
      res.on('error', reject);
    });
    // A server that answers early and closes makes further writes fail: expected once answered.
    req.on('error', (error) => {
      failed = error;
      wakeUp();
      if (!answered) reject(error);
    });
    req.on('drain', wakeUp);
    req.on('close', wakeUp);
    void (async () => {
      for (const chunk of options.chunks) {
        if (answered || failed || req.destroyed) return;
        const size = typeof chunk === 'string' ? Buffer.byteLength(chunk) : chunk.length;
        sent += size;
        if (!req.write(chunk)) await new Promise<void>((r) => (wake = r));
      }
      req.end();
    })();
  });
}

/** `count` copies of `text`, as chunks. */
export function* repeated(text: string, count: number): Generator<string> {
  for (let i = 0; i < count; i++) yield text;
}
