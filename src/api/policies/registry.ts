/** Every API route declares its permission here, through `secured()`; a route without one is refused. */
import { createRoute } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import { HttpProblem } from '../problem.js';
import { can, type Permission } from './permissions.js';
import type { AppEnv } from '../env.js';

/** "GET /api/v1/states/:iso3" → permission. */
export const routePermissions = new Map<string, Permission>();

const toHonoPath = (p: string) => p.replace(/\{(\w+)\}/g, ':$1');

/** Middleware refusing the request unless the actor has the permission (401 when not signed in, else 403). */
export function requires(permission: Permission): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const actor = c.var.actor;
    if (!can(actor, permission)) {
      if (actor.via === 'anonymous') throw new HttpProblem(401, 'Sign-in required', `${permission} needs a signed-in account with the right role`);
      if (actor.via === 'token' && actor.tokenScope === 'read') throw new HttpProblem(403, 'Forbidden', 'this API token is read-only');
      throw new HttpProblem(403, 'Forbidden', `the role ${actor.role} may not do ${permission}`);
    }
    await next();
  };
}

/** createRoute with the permission check in front, recorded for the route × role test. */
export function secured<const R extends Parameters<typeof createRoute>[0]>(permission: Permission, route: R) {
  routePermissions.set(`${route.method.toUpperCase()} ${toHonoPath(route.path)}`, permission);
  return createRoute({ ...route, middleware: [requires(permission)] as const });
}

/** For routes registered without createRoute (plain app.get): records and returns the guard. */
export function securedPlain(method: string, path: string, permission: Permission): MiddlewareHandler<AppEnv> {
  routePermissions.set(`${method.toUpperCase()} ${path}`, permission);
  return requires(permission);
}
