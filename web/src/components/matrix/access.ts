/** What the signed-in account may do with a State's matrix (the server checks every request again). */
import type { MatrixStatus, User } from '../../api/client';

const SEES_ALL = ['expert', 'committee_member', 'admin'];

/** Sees matrices in the review cycle: experts, committee members, administrators, and the State's own point of contact. */
export const seesCycle = (user: User | null, iso3: string) => !!user && (SEES_ALL.includes(user.role) || (user.role === 'state_poc' && user.state === iso3));
/** Starts drafts, edits fields, imports workbooks and moves the matrix through its cycle. */
export const mayEdit = (user: User | null) => !!user && (user.role === 'expert' || user.role === 'admin');
/** Places and lifts holds during the no-objection period. */
export const mayHold = (user: User | null) => user?.role === 'committee_member';
/** Comments on the matrix in the cycle: the State's point of contact once the draft is shared. */
export function mayComment(user: User | null, iso3: string, status: MatrixStatus): boolean {
  if (!user) return false;
  if (user.role === 'state_poc') return user.state === iso3 && ['shared', 'agreed', 'in-approval', 'approved'].includes(status);
  return SEES_ALL.includes(user.role);
}
/** Registers the State's submissions. */
export const mayWriteSubmissions = (user: User | null, iso3: string) =>
  !!user && (user.role === 'expert' || user.role === 'admin' || (user.role === 'state_poc' && user.state === iso3));
/** Fields can be changed in a draft or a shared draft. */
export const EDITABLE: readonly MatrixStatus[] = ['draft', 'shared'];
