/** What every handler can reach through the context. */
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Db } from '../db/connection.js';
import type { Actor } from './policies/permissions.js';

/** `db` is read-write: handlers pass it to services, which hold every write and its audit event. */
export interface AppEnv { Variables: { db: Db; actor: Actor; requestId: string; client: string } }
export type App = OpenAPIHono<AppEnv>;
