/** UN membership as of a date: reports and counts are taken against the membership at that date. */
import type { State } from './types.js';

/** True when the entity was a UN Member State on `asOf`. */
export function isUnMemberAsOf(s: Pick<State, 'unStatus' | 'admitted'>, asOf: string): boolean {
  return s.unStatus === 'member' && s.admitted !== null && s.admitted <= asOf;
}
