/** The write context (actor, request id, client address) of a request, for services and audit events. */
import type { Context } from 'hono';
import type { AppEnv } from './env.js';
import type { WriteContext } from '../services/audit.js';

export function writeContext(c: Context<AppEnv>): WriteContext {
  return { actor: c.var.actor, requestId: c.var.requestId, client: c.var.client };
}
