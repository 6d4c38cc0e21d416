/**
 * Who may do what: every authorization decision goes through `can()`. The table below is the policy;
 * docs/policies.md presents it, and src/api/policies/policies.test.ts checks every route against it.
 */
export const ROLES = ['public', 'state_poc', 'expert', 'committee_member', 'provider', 'admin'] as const;
export type Role = (typeof ROLES)[number];
export type AccountRole = Exclude<Role, 'public'>;
export const ACCOUNT_ROLES: readonly AccountRole[] = ['state_poc', 'expert', 'committee_member', 'provider', 'admin'];

/** The person or client behind a request. */
export interface Actor {
  role: Role;
  userId: number | null;
  state: string | null;
  org: string | null;
  via: 'anonymous' | 'session' | 'token';
  tokenScope?: 'read' | 'read-write';
  tokenId?: number;
}

export const ANONYMOUS: Actor = { role: 'public', userId: null, state: null, org: null, via: 'anonymous' };

export const PERMISSIONS = {
  'reference:read': { roles: ROLES, write: false, doc: 'States, instruments, participation, universality' },
  'auth:login': { roles: ROLES, write: true, doc: 'Sign in (anyone may try)' },
  'auth:session': { roles: ROLES, write: false, doc: 'Who am I (anonymous gets null)' },
  'auth:logout': { roles: ACCOUNT_ROLES, write: true, doc: 'Sign out' },
  'profile:read': { roles: ACCOUNT_ROLES, write: false, doc: 'Own profile and tokens' },
  'profile:write': { roles: ACCOUNT_ROLES, write: true, doc: 'Change own name or password; create and revoke own tokens' },
  'users:read': { roles: ['admin'], write: false, doc: 'List accounts' },
  'users:write': { roles: ['admin'], write: true, doc: 'Create, disable, change role, reset password' },
  'contacts:read': { roles: ROLES, write: false, doc: 'Points of contact: the public sees published ones; a State PoC also its own State\'s; experts, committee members and admins all' },
  'contacts:write': { roles: ['state_poc', 'expert', 'admin'], write: true, doc: 'Create and edit points of contact: a State PoC for its own State only' },
  'matrix:read': { roles: ROLES, write: false, doc: 'The catalogue, published matrices, the open-source layer, coverage, submissions; drafts: experts, committee members and admins, and a State PoC its own State\'s once shared' },
  'matrix:write': { roles: ['expert', 'admin'], write: true, doc: 'Start a draft, edit fields with evidence, accept the open-source layer, import XLSX' },
  'matrix:transition': { roles: ['expert', 'admin'], write: true, doc: 'Share with the State, take back, record agreement, submit for approval, withdraw, publish' },
  'matrix:comment': { roles: ['state_poc', 'expert', 'committee_member', 'admin'], write: true, doc: 'Comment on a matrix or a field: a State PoC on its own State\'s shared draft' },
  'matrix:hold': { roles: ['committee_member'], write: true, doc: 'Place or lift a hold during the no-objection period' },
  'submissions:write': { roles: ['state_poc', 'expert', 'admin'], write: true, doc: 'Register a State\'s submissions (report, additional information, action plan): a State PoC for its own State' },
  'audit:read': { roles: ROLES, write: false, doc: 'Audit events: the public sees events on published data; restricted events by role and scope' },
} as const satisfies Record<string, { roles: readonly Role[]; write: boolean; doc: string }>;

export type Permission = keyof typeof PERMISSIONS;

/** Roles that see every restricted record (not only their own State's). */
const SEES_ALL: readonly Role[] = ['expert', 'committee_member', 'admin'];

/** The decision: may `actor` do `permission` (on a resource of `scope`, where it matters)? */
export function can(actor: Actor, permission: Permission, scope: { state?: string | null; published?: boolean; status?: string } = {}): boolean {
  const rule = PERMISSIONS[permission];
  if (!(rule.roles as readonly Role[]).includes(actor.role)) return false;
  if (rule.write && actor.via === 'token' && actor.tokenScope !== 'read-write') return false;
  switch (permission) {
    case 'contacts:read':
      if (scope.published || SEES_ALL.includes(actor.role)) return true;
      if (scope.state === undefined) return true; // listing: rows are filtered by `can` one by one
      return actor.role === 'state_poc' && actor.state === scope.state;
    case 'contacts:write':
    case 'submissions:write':
    case 'matrix:comment':
      if (actor.role === 'state_poc') return scope.state === undefined || actor.state === scope.state;
      return true;
    case 'matrix:read':
      // scope.published: a published matrix (or no matrix at all); scope.status: the matrix's place in the cycle
      if (scope.published || scope.status === undefined || SEES_ALL.includes(actor.role)) return true;
      return actor.role === 'state_poc' && actor.state === scope.state && scope.status !== 'draft';
    default:
      return true;
  }
}

/** Whether an audit event of this visibility and State may be shown to the actor. */
export function canSeeAuditEvent(actor: Actor, e: { visibility: 'public' | 'restricted'; state: string | null; actorId: number | null }): boolean {
  if (e.visibility === 'public') return true;
  if (SEES_ALL.includes(actor.role)) return true;
  if (actor.userId !== null && e.actorId === actor.userId) return true;
  return actor.role === 'state_poc' && e.state !== null && e.state === actor.state;
}
