// Shapes every route definition repeats: a JSON response, the problem response (RFC 9457), org params.
import { z } from '@hono/zod-openapi';

export const orgParams = z.object({ org: z.string().min(1).max(64) });

/** What acting on an appraisal answers: the stream version after its events were stored. */
export const actResultSchema = z.object({ version: z.number().int(), eventTypes: z.array(z.string()) });

export const jsonResponse = <T extends z.ZodType>(schema: T, description: string) => ({
  content: { 'application/json': { schema } },
  description,
});

export const problemResponse = {
  content: {
    'application/problem+json': { schema: z.object({ code: z.string(), detail: z.string().optional() }) },
  },
  description: 'A problem (RFC 9457)',
};

/** A required JSON request body. */
export const jsonBody = <T extends z.ZodType>(schema: T) => ({
  content: { 'application/json': { schema } },
  required: true as const,
});

/** What an act on an appraisal answers: the events it recorded, or why not. */
export const actResponses = {
  200: jsonResponse(actResultSchema, 'Recorded'),
  403: problemResponse,
  404: problemResponse,
  409: problemResponse,
  422: problemResponse,
};
