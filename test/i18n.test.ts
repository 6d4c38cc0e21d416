import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const LOCALES = join(import.meta.dirname, '..', 'web', 'src', 'i18n', 'locales');
const load = (l: string) => JSON.parse(readFileSync(join(LOCALES, `${l}.json`), 'utf8')) as Record<string, string>;
const en = load('en');

function tsxFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? tsxFiles(join(dir, e.name)) : e.name.endsWith('.tsx') ? [join(dir, e.name)] : []);
}

describe('interface strings', () => {
  it.each(['ar', 'zh', 'fr', 'ru', 'es'])('%s has every English key, translated, with the same placeholders', (lang) => {
    const messages = load(lang);
    expect(Object.keys(messages).sort()).toEqual(Object.keys(en).sort());
    for (const [key, text] of Object.entries(en)) {
      const placeholders = (s: string) => (s.match(/\{[a-z]+\}/gi) ?? []).sort();
      expect(placeholders(messages[key]!), `${lang} ${key}`).toEqual(placeholders(text));
      expect(messages[key]!.trim(), `${lang} ${key}`).not.toBe('');
    }
  });

  it('components hold no interface text of their own (every string comes from the locale files)', () => {
    const offenders: string[] = [];
    for (const file of tsxFiles(join(import.meta.dirname, '..', 'web', 'src'))) {
      const source = readFileSync(file, 'utf8');
      // Text between JSX tags that contains a letter, other than expressions.
      for (const m of source.matchAll(/>\s*([^<>{}\n]*\p{L}[^<>{}\n]*)\s*</gu)) {
        const text = m[1]!.trim();
        const symbolsOnly = /^[·—()\s]*(open1540|OpenAPI|ISO3|M49)?[·—()\s]*$/.test(text);
        const code = /=>|&&|\|\||[!=]==|\?\s*\(|\)\s*$|\)\s*\?$/.test(text);
        if (text && !symbolsOnly && !code) offenders.push(`${file}: "${text}"`);
      }
      for (const m of source.matchAll(/\b(aria-label|title|placeholder|alt)="([^"]*\p{L}[^"]*)"/gu)) offenders.push(`${file}: ${m[1]}="${m[2]}"`);
    }
    expect(offenders).toEqual([]);
  });
});
