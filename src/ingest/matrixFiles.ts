/** Reads the shipped catalogue editions from data/matrix/editions (one JSON file per edition). */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_DATA_DIR } from './referenceFiles.js';

export interface EditionFile { file: string; content: unknown }

/** Every edition file, parsed but not yet validated. Throws naming the file when one is not valid JSON. */
export function readCatalogueFiles(dataDir = DEFAULT_DATA_DIR): EditionFile[] {
  const dir = join(dataDir, 'matrix', 'editions');
  if (!existsSync(dir)) return [];
  return readdirSync(dir).filter((f) => f.endsWith('.json')).sort().map((f) => {
    const path = join(dir, f);
    try {
      return { file: path, content: JSON.parse(readFileSync(path, 'utf8')) as unknown };
    } catch (e) {
      throw new Error(`${path}: ${(e as Error).message}`);
    }
  });
}
