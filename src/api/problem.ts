/** Errors as RFC 9457 problem details (application/problem+json), naming the parameter at fault. */
import type { Context } from 'hono';
import { z } from '@hono/zod-openapi';

export const ProblemSchema = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string(),
  instance: z.string().optional(),
  errors: z.array(z.object({ parameter: z.string(), in: z.string(), message: z.string() })).optional(),
}).openapi('Problem');

export type Problem = z.infer<typeof ProblemSchema>;

/** Thrown by handlers; rendered as problem+json by the app's error handler. */
export class HttpProblem extends Error {
  constructor(readonly status: 400 | 401 | 403 | 404 | 406 | 409 | 413 | 415 | 429 | 500, readonly title: string, detail: string, readonly errors?: Problem['errors']) {
    super(detail);
  }
}

export function notFound(what: string, value: string, parameter: string): HttpProblem {
  return new HttpProblem(404, 'Not found', `no ${what} "${value}"`, [{ parameter, in: 'path', message: `unknown ${what}` }]);
}

/** Builds the problem+json response for an HttpProblem. */
export function problemResponse(c: Context, p: HttpProblem): Response {
  const body: Problem = {
    type: `https://open1540.org/problems/${p.status}`,
    title: p.title,
    status: p.status,
    detail: p.message,
    instance: new URL(c.req.url).pathname,
    ...(p.errors ? { errors: p.errors } : {}),
  };
  return new Response(JSON.stringify(body), { status: p.status, headers: { 'content-type': 'application/problem+json' } });
}

export const problemResponses = {
  400: { description: 'A parameter is invalid; the problem names it', content: { 'application/problem+json': { schema: ProblemSchema } } },
  404: { description: 'Unknown code', content: { 'application/problem+json': { schema: ProblemSchema } } },
} as const;
