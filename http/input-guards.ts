// Input no schema can be trusted to catch, checked once for every request of the API and the web UI:
// NUL characters (PostgreSQL text cannot hold U+0000 and would answer 500) and the body size, counted
// as the bytes arrive so a chunked body cannot slip past a limit that only reads Content-Length.
import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { matchedRoutes } from 'hono/route';

const nul = '\u0000';
/** The largest body a request may carry (the API's and the web's, an employee CSV included): 1 MiB. */
export const maxBodyBytes = 1_048_576;
/**
 * Requests that carry no body. Asking one for `c.req.raw.body` is not free: @hono/node-server builds the
 * full web Request only when something touches it, and that cost 8-10 ms at p99 on the inbox
 * (`npm run bench -- api`), so the body checks skip these methods.
 */
const bodiless = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The first field of the request holding a NUL character: a path parameter, a query key, a body field. */
export async function fieldWithNul(c: Context): Promise<string | null> {
  return inPath(c) ?? inQuery(c) ?? (await inBody(c));
}

/**
 * A body over `maxBytes` answers `tooLarge` as soon as the count passes the limit, whether or not it
 * declared a Content-Length; nothing more of it is read, and the connection closes rather than drain it.
 */
export function limitBodyBytes(
  maxBytes: number,
  tooLarge: (c: Context) => Response | Promise<Response>,
): MiddlewareHandler {
  const limit = bodyLimit({
    maxSize: maxBytes,
    onError: async (c) => {
      const response = await tooLarge(c);
      response.headers.set('connection', 'close');
      return response;
    },
  });
  return (c, next) => (bodiless.has(c.req.method) ? next() : limit(c, next));
}

function decoded(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** Names the parameter by lining the path up with the routes it matched; `path` when none names it. */
function inPath(c: Context): string | null {
  const segments = new URL(c.req.url).pathname.split('/');
  const bad = segments.findIndex((s) => decoded(s).includes(nul));
  if (bad === -1) return null;
  for (const route of matchedRoutes(c)) {
    const names = route.path.split('/');
    if (names.length !== segments.length) continue;
    const name = names[bad];
    if (name?.startsWith(':')) return name.slice(1).replace(/\{.*$/, '');
  }
  return 'path';
}

function inQuery(c: Context): string | null {
  for (const [key, value] of new URL(c.req.url).searchParams)
    if (key.includes(nul) || value.includes(nul)) return key.includes(nul) ? 'query' : key;
  return null;
}

async function inBody(c: Context): Promise<string | null> {
  if (bodiless.has(c.req.method)) return null;
  const type = c.req.header('content-type')?.toLowerCase() ?? '';
  if (!c.req.raw.body || c.req.raw.bodyUsed) return null;
  // A copy: the route and the idempotency check read the body themselves.
  const copy = c.req.raw.clone();
  if (type.includes('json')) {
    const text = await copy.text();
    // JSON can only carry U+0000 as an escape; most bodies have none and need no walk.
    if (!/\\u0000/i.test(text)) return null;
    try {
      return inValue(JSON.parse(text), []);
    } catch {
      return null; // not JSON: the route's validation says so
    }
  }
  if (type.startsWith('multipart/form-data') || type.startsWith('application/x-www-form-urlencoded')) {
    try {
      for (const [key, value] of await copy.formData())
        if (key.includes(nul) || (typeof value === 'string' && value.includes(nul))) return key;
    } catch {
      return null;
    }
    return null;
  }
  // A workbook is binary (zip) and full of zero bytes; its cells are checked where they are read.
  if (type.startsWith('application/vnd.openxmlformats-officedocument.')) return null;
  // An image or a PDF (a logo, an evidence file) is binary too; it is kept as bytes, never as text.
  if (
    type.startsWith('image/') ||
    type.startsWith('application/pdf') ||
    type.startsWith('application/octet-stream')
  )
    return null;
  return (await copy.text()).includes(nul) ? 'body' : null;
}

function inValue(value: unknown, at: Array<string | number>): string | null {
  if (typeof value === 'string') return value.includes(nul) ? at.join('.') || 'body' : null;
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) {
      const found = inValue(item, [...at, i]);
      if (found) return found;
    }
    return null;
  }
  if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      if (key.includes(nul)) return [...at, key.replaceAll(nul, '\\u0000')].join('.');
      const found = inValue(item, [...at, key]);
      if (found) return found;
    }
  }
  return null;
}
