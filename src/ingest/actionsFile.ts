/** Writes an instrument's actions back to data/treaties/actions/<code>.csv, sorted, atomically. */
import { renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Action } from '../core/types.js';
import { ACTION_COLUMNS } from './referenceFiles.js';

const field = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

/** The CSV text of the data file (LF line ends, as the shipped files use). */
export function actionsCsv(actions: readonly Action[]): string {
  const sorted = [...actions].sort((a, b) =>
    a.state.localeCompare(b.state) || a.date.localeCompare(b.date) || a.action.localeCompare(b.action) || (a.depositary ?? '').localeCompare(b.depositary ?? ''));
  const lines = sorted.map((a) => [a.state, a.action, a.date, a.depositary ?? '', a.effective ?? '', a.source, a.note ?? ''].map(field).join(','));
  return [ACTION_COLUMNS.join(','), ...lines].join('\n') + '\n';
}

/** Replaces the file in one step (write to a temporary file, then rename). */
export function writeActionsFile(dataDir: string, code: string, actions: readonly Action[]): void {
  const path = join(dataDir, 'treaties', 'actions', `${code}.csv`);
  writeFileSync(`${path}.tmp`, actionsCsv(actions));
  renameSync(`${path}.tmp`, path);
}
