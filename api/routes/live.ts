// Live push to open browsers: Server-Sent Events of my notifications (notifications/live-feed.ts). A
// client that reconnects with Last-Event-ID gets everything after that event first, so it misses nothing.
// Declared in the OpenAPI document like every other operation (its answer is a text/event-stream).
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { streamSSE } from 'hono/streaming';
import { liveFeed } from '../../notifications/live-feed.ts';
import { audienceOf } from '../../record/read/access.ts';
import type { ApiEnv } from '../context.ts';
import { orgParams } from './openapi-shapes.ts';

const eventsRoute = createRoute({
  method: 'get',
  path: '/v1/orgs/{org}/me/events',
  summary: 'My notifications as they happen (Server-Sent Events); Last-Event-ID resumes after that event',
  request: {
    params: orgParams,
    query: z.strictObject({
      lastEventId: z.string().max(100).optional().openapi({ description: 'As the Last-Event-ID header' }),
    }),
  },
  responses: {
    200: {
      content: { 'text/event-stream': { schema: z.string() } },
      description: 'A `notification` event per notification of mine, each with its id',
    },
  },
});

export const liveRoutes = new OpenAPIHono<ApiEnv>().openapi(eventsRoute, (c) => {
  const { db, listener } = c.get('deps');
  const lastEventId = c.req.header('last-event-id') ?? c.req.valid('query').lastEventId;
  // The stream is its own Response: the typed answers of the other routes do not describe it.
  return streamSSE(c, liveFeed(db, listener, audienceOf(c.get('principal')), lastEventId)) as never;
});
