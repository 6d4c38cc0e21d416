/** The matrix labels in the six UN languages (web/src/i18n/matrix): the same keys everywhere, no empty text, every part of the shipped editions covered. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateEdition } from '../src/core/catalogue.js';
import { MARKS, MATRIX_COLUMNS, MATRIX_WEAPONS, type CatalogueEdition } from '../src/core/matrixTypes.js';

const ROOT = join(import.meta.dirname, '..');
const LABELS = join(ROOT, 'web', 'src', 'i18n', 'matrix');
const EDITIONS = join(ROOT, 'data', 'matrix', 'editions');
const LANGUAGES = ['ar', 'zh', 'en', 'fr', 'ru', 'es'] as const;

const load = (lang: string) => JSON.parse(readFileSync(join(LABELS, `${lang}.json`), 'utf8')) as Record<string, unknown>;
const labels = Object.fromEntries(LANGUAGES.map((l) => [l, load(l)])) as Record<(typeof LANGUAGES)[number], Record<string, unknown>>;
const editions = readdirSync(EDITIONS).filter((f) => f.endsWith('.json')).sort().map((f) => {
  const { edition, errors } = validateEdition(JSON.parse(readFileSync(join(EDITIONS, f), 'utf8')));
  if (!edition) throw new Error(`${f}: ${errors.join('; ')}`);
  return edition;
});

/** The label keys an edition needs, with its English label where the edition has one. */
function keysOf(e: CatalogueEdition): Map<string, string | null> {
  const keys = new Map<string, string | null>();
  for (const s of e.sections) {
    keys.set(`section.${s.id}`, s.label);
    for (const t of s.tables) {
      keys.set(`table.${t.id}`, t.label);
      for (const r of t.rows) {
        keys.set(`row.${s.id}.${r.id}`, r.label);
        for (const w of r.weapons) keys.set(`weapon.${w}`, null);
        for (const c of r.columns) keys.set(`column.${c}`, null);
      }
    }
  }
  return keys;
}

describe('matrix labels', () => {
  it('the six files have exactly the same keys', () => {
    const en = Object.keys(labels.en).sort();
    for (const lang of LANGUAGES) expect(Object.keys(labels[lang]).sort(), lang).toEqual(en);
  });

  it('no value is empty, and every value is a text', () => {
    for (const lang of LANGUAGES) {
      for (const [key, value] of Object.entries(labels[lang])) {
        expect(typeof value, `${lang} ${key}`).toBe('string');
        expect((value as string).trim(), `${lang} ${key}`).not.toBe('');
      }
    }
  });

  it('keys are only of the documented kinds', () => {
    for (const key of Object.keys(labels.en)) expect(key).toMatch(/^(section|table|weapon|column|mark)\.[^.]+$|^row\.[a-z0-9]+\.[a-z0-9-]+$/);
  });

  it('has every weapon type, column and mark, and the empty cell', () => {
    for (const w of MATRIX_WEAPONS) expect(labels.en, w).toHaveProperty([`weapon.${w}`]);
    for (const c of MATRIX_COLUMNS) expect(labels.en, c).toHaveProperty([`column.${c}`]);
    for (const m of [...MARKS, 'empty']) expect(labels.en, m).toHaveProperty([`mark.${m}`]);
  });

  it.each(editions.map((e) => [e.id, e] as const))('covers every section, table, row, weapon type and column of %s; English is the edition', (_, edition) => {
    for (const [key, english] of keysOf(edition)) {
      expect(labels.en, key).toHaveProperty([key]);
      if (english !== null) expect(labels.en[key], key).toBe(english);
    }
  });

  it('non-English labels are translated (not the English text), except names that are the same in every language', () => {
    const same = new Set(['row.op1.zangger', 'weapon.general']);
    for (const lang of LANGUAGES.filter((l) => l !== 'en')) {
      const copied = Object.keys(labels.en).filter((k) => !same.has(k) && !k.startsWith('mark.') && labels[lang][k] === labels.en[k]);
      expect(copied, lang).toEqual([]);
    }
  });
});
