/** Plain-text forms of actions and their sources, for CSV and XLSX cells. */
import type { Action, Source } from '../core/types.js';

/** "1970-03-05 ratification (us)" / "2003-01-10 withdrawal (ru) effective 2003-04-10". */
export function actionText(a: Action): string {
  return `${a.date} ${a.action}${a.depositary ? ` (${a.depositary})` : ''}${a.effective ? ` effective ${a.effective}` : ''}`;
}

/** The distinct sources of some actions, as "Title <url>". */
export function actionSourcesText(actions: readonly Action[], sources: readonly Source[]): string[] {
  const titles = new Map(sources.map((s) => [s.id, s.url ? `${s.title} <${s.url}>` : s.title]));
  return [...new Set(actions.map((a) => titles.get(a.source) ?? a.source))];
}
