/** Shorthands for OpenAPI request bodies and responses in route definitions. */
import type { z } from '@hono/zod-openapi';

/** A required JSON request body. */
export const jsonBody = <T extends z.ZodTypeAny>(schema: T) => ({ content: { 'application/json': { schema } }, required: true });

/** A JSON response with its description. */
export const jsonResponse = <T extends z.ZodTypeAny>(description: string, schema: T) => ({ description, content: { 'application/json': { schema } } });
