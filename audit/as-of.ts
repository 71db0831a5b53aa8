// "As of" given by a person: a global position of the log (digits) or an ISO 8601 time.
import type { AsOf } from './state-as-of.ts';

export type AsOfParse = { ok: true; asOf: AsOf } | { ok: false; message: string };

/** The end of the log when absent. */
export function parseAsOf(text: string | undefined): AsOfParse {
  if (text === undefined || text === '') return { ok: true, asOf: { position: Number.MAX_SAFE_INTEGER } };
  if (/^\d+$/.test(text)) {
    const position = Number(text);
    if (!Number.isSafeInteger(position)) return { ok: false, message: `${text} is too large a position` };
    return { ok: true, asOf: { position } };
  }
  const time = /^\d{4}-\d{2}-\d{2}([T ][\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/.test(text)
    ? new Date(text)
    : undefined;
  if (!time || Number.isNaN(time.getTime()))
    return { ok: false, message: `${text} is neither an ISO 8601 time nor a global position` };
  return { ok: true, asOf: { time } };
}
