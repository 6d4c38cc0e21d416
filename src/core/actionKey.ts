/** The identity of a participation action: the same act at the same depositary on the same day. */
import type { Action } from './types.js';

export function actionKey(a: Pick<Action, 'instrument' | 'state' | 'action' | 'date' | 'depositary'>): string {
  return [a.instrument, a.state, a.action, a.date, a.depositary ?? ''].join('|');
}
