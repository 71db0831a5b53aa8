// The web pages over the periodic cycle of Bungo (periodic-events.ts) for one test file: a fresh migrated
// database with the cycle seeded and then prepared further by the test, served without Temporal (the
// pages read, and a refused change never reaches it), with a session cookie for each person named.
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll } from 'vitest';
import { eventSchemas } from '../../domain/event-registry.ts';
import { cycleStreamId } from '../../domain/ids.ts';
import { projections } from '../../record/projections/index.ts';
import { appendToStream, type NewEvent } from '../../record/store/index.ts';
import type { Database } from '../../schema/database.ts';
import { createMigratedDatabase, type MigratedDatabase } from './database.ts';
import { type PeriodicCycle, seedPeriodicCycle } from './periodic-events.ts';
import { type DevServedApp, serveWithoutTemporal, sessionCookie } from './web-app.ts';

export interface PeriodicWeb<S extends string> {
  db: Kysely<Database>;
  cycle: PeriodicCycle;
  served: DevServedApp;
  /** Each person's session cookie, by the name the test gave. */
  cookies: Record<S, string>;
  /** A page as this person sees it in this language, its redirect not followed. */
  open(path: string, as: S, lang: 'id' | 'en', init?: RequestInit): Promise<Response>;
  /** A form this person sends (URL-encoded) from a page in this language. */
  post(path: string, as: S, lang: 'id' | 'en', fields: Record<string, string>): Promise<Response>;
  /** Appends these events to the cycle's stream, its projections with them, as the workflow records them. */
  append(events: Array<{ type: string; data: unknown }>): Promise<void>;
}

/** Started before the file's tests (read its fields inside them), closed after them. */
export function usePeriodicWeb<S extends string>(
  databaseName: string,
  sessions: Record<S, [nip: string, roles: string[]]>,
  prepare: (web: PeriodicWeb<S>) => Promise<void> = async () => {},
): PeriodicWeb<S> {
  let database: MigratedDatabase | undefined;
  const web = {
    cookies: {},
    open: (path, as, lang, init = {}) =>
      fetch(`${web.served.base}${path}`, {
        redirect: 'manual',
        ...init,
        headers: { cookie: `${web.cookies[as]}; lang=${lang}`, ...(init.headers ?? {}) },
      }),
    post: (path, as, lang, fields) =>
      web.open(path, as, lang, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams(fields).toString(),
      }),
    append: async (events) => {
      const streamId = cycleStreamId(web.cycle.cycleId);
      const version = await web.db
        .selectFrom('events')
        .select((eb) => eb.fn.max('stream_version').as('v'))
        .where('stream_id', '=', streamId)
        .executeTakeFirst();
      const envelopes = events.map((e) => ({ eventId: randomUUID(), ...e, metadata: { actor: 'test' } }));
      await appendToStream(web.db, eventSchemas, streamId, envelopes as NewEvent<typeof eventSchemas>[], {
        expectedVersion: Number(version?.v ?? 0),
        projections,
      });
    },
  } as PeriodicWeb<S>;
  beforeAll(async () => {
    database = await createMigratedDatabase(databaseName);
    web.db = database.db;
    web.cycle = await seedPeriodicCycle(web.db, 'bungo');
    await prepare(web);
    web.served = await serveWithoutTemporal(web.db, 'web');
    for (const [name, [nip, roles]] of Object.entries(sessions) as Array<[S, [string, string[]]]>)
      web.cookies[name] = await sessionCookie(web.served, 'bungo', nip, roles);
  }, 60_000);
  afterAll(async () => {
    await web.served?.close();
    await database?.close();
  });
  return web;
}
