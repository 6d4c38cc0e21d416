/** Matching State names written in many ways (Türkiye/Turkey, Côte d'Ivoire, DPRK…) to ISO3 codes. */
import { LANGS, type State } from './types.js';

/** Folds a name for comparison: strips diacritics, articles in brackets, punctuation and case. */
export function foldName(name: string): string {
  return name
    .replace(/&([a-z])(acute|grave|circ|uml|tilde|cedil|ring);/gi, '$1')
    .normalize('NFD').replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[’'`´]/g, "'")
    .replace(/\((the|l'|la|le|les|el|los|las)\)/g, ' ')
    .trim()
    .replace(/^the\s+/, '')
    .replace(/&/g, ' and ')
    .replace(/[^\p{L}\p{N}']+/gu, ' ')
    .trim();
}

/** An index from folded names (every language, formal and short, and aliases) to ISO3. */
export function buildNameIndex(states: readonly State[]): Map<string, string> {
  const index = new Map<string, string>();
  for (const s of states) {
    const names = [s.iso3, ...s.aliases];
    for (const l of LANGS) names.push(s.names[l].short, s.names[l].formal);
    for (const n of names) {
      const key = foldName(n);
      if (key && !index.has(key)) index.set(key, s.iso3);
    }
  }
  return index;
}

/** Looks a name up in the index; returns the ISO3 code or null. */
export function matchStateName(index: ReadonlyMap<string, string>, name: string): string | null {
  return index.get(foldName(name)) ?? null;
}

/** Folds free text for search in any language (diacritics and case ignored). */
export function foldSearch(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().trim();
}
