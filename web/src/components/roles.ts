/** Words for roles, scopes and audit records. */
import type { Role, User } from '../api/client';
import type { I18n, MessageKey } from '../i18n/i18n';

export const roleName = (t: I18n['t'], role: Role | string): string => {
  const key = `role.${role}` as MessageKey;
  const s = t(key);
  return s === key ? role : s;
};

/** What an account may act on: its State, its organisation, or every State. */
export function scopeText(t: I18n['t'], user: Pick<User, 'role' | 'state' | 'org'>, stateName?: (iso3: string) => string): string {
  if (user.role === 'state_poc' && user.state) return t('scope.state', { state: stateName?.(user.state) ?? user.state });
  if (user.role === 'provider' && user.org) return t('scope.org', { org: user.org });
  return t('scope.all');
}

/** A message key when there is one, otherwise the code itself (new actions show up as they are). */
export function knownOr(t: I18n['t'], prefix: string, code: string): string {
  const key = `${prefix}.${code}` as MessageKey;
  const s = t(key);
  return s === key ? code : s;
}
