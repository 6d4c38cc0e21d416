/** What every handler can reach through the context. */
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { ReadDb } from '../db/connection.js';

export interface AppEnv { Variables: { db: ReadDb } }
export type App = OpenAPIHono<AppEnv>;
