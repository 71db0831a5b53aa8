// Live push to open browsers: Server-Sent Events of my notifications (notifications/live-feed.ts). A
// client that reconnects with Last-Event-ID gets everything after that event first, so it misses nothing.
import { Hono } from 'hono';
import { streamSSE } from 'hono/streaming';
import { liveFeed } from '../../notifications/live-feed.ts';
import { audienceOf } from '../../record/read/access.ts';
import type { ApiEnv } from '../context.ts';

export const liveRoutes = new Hono<ApiEnv>().get('/v1/orgs/:org/me/events', (c) => {
  const { db, listener } = c.get('deps');
  const lastEventId = c.req.header('last-event-id') ?? c.req.query('lastEventId');
  return streamSSE(c, liveFeed(db, listener, audienceOf(c.get('principal')), lastEventId));
});
