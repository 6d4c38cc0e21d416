import type { Instrument, StateSummary } from '../api/client';
import type { I18n, Lang, MessageKey } from '../i18n/i18n';

type Named = { names: StateSummary['names'] | Record<Lang, string> };

/** The short name of a State in the language (from a full record or a list reference). */
export function stateName(s: Named, lang: Lang): string {
  const n = s.names[lang];
  return typeof n === 'string' ? n : n.short;
}
export const instrumentShort = (i: Pick<Instrument, 'names'>, lang: Lang) => i.names[lang].short;
export const instrumentFull = (i: Pick<Instrument, 'names'>, lang: Lang) => i.names[lang].full;

/** Localised name of a regional group code (or "no group"). */
export function groupName(t: I18n['t'], group: string | null | undefined): string {
  return t(`group.${group ?? 'none'}` as MessageKey);
}

/** Localised name of an M49 area by its code (falls back to the English name). */
export function areaName(t: I18n['t'], area: { code: string; name: string } | null | undefined): string {
  if (!area) return '—';
  const key = `m49.${area.code}` as MessageKey;
  const s = t(key);
  return s === key ? area.name : s;
}

/** Sorts by the name in the reader's language, using the language's collation. */
export function byName<T extends Named>(lang: Lang) {
  const collator = new Intl.Collator(lang);
  return (a: T, b: T) => collator.compare(stateName(a, lang), stateName(b, lang));
}
