// The id of one request, as the read trail records it: the caller's (or a proxy's) `x-request-id` when it
// is a plain token, so a trail row can be matched with the proxy's access log; otherwise a new UUID.
import { randomUUID } from 'node:crypto';

const plainToken = /^[A-Za-z0-9._:-]{1,100}$/;

export function requestIdOf(header: string | undefined): string {
  return header && plainToken.test(header) ? header : randomUUID();
}
