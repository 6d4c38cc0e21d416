/** Reads the shipped reference data from the `data/` folder into one bundle. */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseCsvRecords } from '../core/csv.js';
import type { ReferenceData } from '../core/referenceData.js';
import type { Action, ActionType, Instrument, Source, State } from '../core/types.js';

export const DEFAULT_DATA_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'data');
export const ACTION_COLUMNS = ['state', 'action', 'date', 'depositary', 'effective', 'source', 'note'] as const;

function readJson<T>(path: string): T {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as T;
  } catch (e) {
    throw new Error(`${path}: ${(e as Error).message}`);
  }
}

function listFiles(dir: string, ext: string): string[] {
  return existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith(ext)).sort() : [];
}

/** Parses one instrument's actions CSV. */
export function parseActionsCsv(instrument: string, text: string, file = `${instrument}.csv`): Action[] {
  try {
    return parseCsvRecords(text, ACTION_COLUMNS).map((r) => ({
      instrument,
      state: r.state!,
      action: r.action as ActionType,
      date: r.date!,
      depositary: r.depositary || null,
      effective: r.effective || null,
      source: r.source!,
      note: r.note || null,
    }));
  } catch (e) {
    throw new Error(`${file}: ${(e as Error).message}`);
  }
}

/** Loads every reference file under `dataDir`. Throws with the file name on unreadable input. */
export function readReferenceData(dataDir = DEFAULT_DATA_DIR): ReferenceData {
  const sources: Source[] = [];
  for (const f of listFiles(join(dataDir, 'sources'), '.json')) {
    const obj = readJson<Record<string, Omit<Source, 'id'>>>(join(dataDir, 'sources', f));
    for (const [id, s] of Object.entries(obj)) sources.push({ id, ...s });
  }
  const states = readJson<State[]>(join(dataDir, 'states', 'states.json'));
  const instruments = listFiles(join(dataDir, 'treaties', 'instruments'), '.json')
    .map((f) => readJson<Instrument>(join(dataDir, 'treaties', 'instruments', f)));
  const actions: Action[] = [];
  for (const f of listFiles(join(dataDir, 'treaties', 'actions'), '.csv')) {
    const path = join(dataDir, 'treaties', 'actions', f);
    actions.push(...parseActionsCsv(f.replace(/\.csv$/, ''), readFileSync(path, 'utf8'), path));
  }
  return { states, instruments, actions, sources };
}
