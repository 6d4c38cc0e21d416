/** `open1540 import unoda FILE`: merges UNODA-shaped participation data into the shipped data files. */
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { today } from '../core/dates.js';
import { buildNameIndex } from '../core/names.js';
import { checkReferenceData } from '../core/referenceData.js';
import { actionKey } from '../core/actionKey.js';
import { extractTreaties, mapUnodaActions, UNODA_CODES } from '../core/unoda.js';
import type { Action } from '../core/types.js';
import { writeActionsFile } from './actionsFile.js';
import { readReferenceData } from './referenceFiles.js';

export interface ImportReport { instrument: string; added: number; present: number }
export class ImportRefused extends Error {}

/** Imports the file into `dataDir`; throws ImportRefused (writing nothing) on any unmatched name or bad row. */
export function importUnodaFile(file: string, dataDir: string, opts: { instrument?: string } = {}): ImportReport[] {
  let payload: unknown;
  try { payload = JSON.parse(readFileSync(file, 'utf8')); } catch (e) { throw new ImportRefused(`${file} is not readable JSON: ${(e as Error).message}`); }
  const treaties = extractTreaties(payload);
  if (treaties.length === 0) throw new ImportRefused(`${file} holds no treaty with an "actions" list (expected {short_name, actions: [{date, action_type, state: {name}, depositary: {short_name}}]})`);
  const data = readReferenceData(dataDir);
  const names = buildNameIndex(data.states);
  const sourceFile = join(dataDir, 'sources', 'unoda-imports.json');
  const importSources: Record<string, object> = existsSync(sourceFile) ? JSON.parse(readFileSync(sourceFile, 'utf8')) : {};

  const errors: string[] = [];
  const plans: Array<{ code: string; merged: Action[]; added: number; present: number }> = [];
  for (const t of treaties) {
    const short = (t.short_name ?? '').toLowerCase();
    const code = opts.instrument ?? UNODA_CODES[short] ?? short;
    const instrument = data.instruments.find((i) => i.code === code);
    if (!instrument) { errors.push(`unknown instrument "${t.short_name ?? ''}": name it with --instrument CODE`); continue; }
    const sourceId = `unoda-import-${code}`;
    importSources[sourceId] = { title: `UNODA Treaties Database — ${instrument.names.en.full}`, publisher: 'United Nations Office for Disarmament Affairs (UNODA)', url: `https://treaties.unoda.org/t/${short || code}`, consulted: today() };
    const mapped = mapUnodaActions(t, instrument, names, sourceId);
    if (mapped.unmatched.length) errors.push(`${code}: State names not matched to a code: ${mapped.unmatched.join('; ')}`);
    for (const p of mapped.problems) errors.push(`${code}: action ${p.index + 1}: ${p.message}`);
    const existing = data.actions.filter((a) => a.instrument === code);
    const keys = new Set(existing.map(actionKey));
    const fresh = mapped.actions.filter((a) => { const k = actionKey(a); if (keys.has(k)) return false; keys.add(k); return true; });
    plans.push({ code, merged: [...existing, ...fresh], added: fresh.length, present: mapped.actions.length - fresh.length });
  }
  if (errors.length) throw new ImportRefused(`nothing was imported:\n  ${errors.join('\n  ')}`);

  // Check the whole bundle as it would be after the import, before writing anything.
  const changed = new Set(plans.filter((p) => p.added > 0).map((p) => p.code));
  const after = {
    ...data,
    sources: [...data.sources.filter((s) => !(s.id in importSources)), ...Object.entries(importSources).map(([id, s]) => ({ id, ...(s as { title: string }) }))],
    actions: [...data.actions.filter((a) => !changed.has(a.instrument)), ...plans.filter((p) => changed.has(p.code)).flatMap((p) => p.merged)],
  };
  const problems = checkReferenceData(after, today());
  if (problems.length) throw new ImportRefused(`nothing was imported; the result would fail the data check:\n  ${problems.slice(0, 20).map((p) => `${p.file} ${p.where}: ${p.message}`).join('\n  ')}`);

  if (changed.size > 0) {
    writeFileSync(sourceFile, JSON.stringify(importSources, null, 2) + '\n');
    for (const p of plans) if (changed.has(p.code)) writeActionsFile(dataDir, p.code, p.merged);
  }
  return plans.map((p) => ({ instrument: p.code, added: p.added, present: p.present }));
}
