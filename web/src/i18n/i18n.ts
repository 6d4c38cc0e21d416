/** Interface language: the six UN languages, locale files, and locale-aware dates and numbers. */
import { createContext, useContext } from 'react';
import ar from './locales/ar.json';
import en from './locales/en.json';
import es from './locales/es.json';
import fr from './locales/fr.json';
import ru from './locales/ru.json';
import zh from './locales/zh.json';

export const LANGS = ['ar', 'zh', 'en', 'fr', 'ru', 'es'] as const;
export type Lang = (typeof LANGS)[number];
export type MessageKey = keyof typeof en;

const MESSAGES: Record<Lang, Partial<Record<MessageKey, string>>> = { ar, en, es, fr, ru, zh };

export function isLang(s: string | undefined): s is Lang {
  return !!s && (LANGS as readonly string[]).includes(s);
}

export interface I18n {
  lang: Lang;
  dir: 'rtl' | 'ltr';
  t(key: MessageKey, vars?: Record<string, string | number>): string;
  date(iso: string | null | undefined): string;
  /** A moment (ISO timestamp) in the reader's time zone, to the minute. */
  dateTime(iso: string | null | undefined): string;
  number(n: number): string;
  percent(n: number): string;
}

/** Builds the translator for a language (English is the fallback for a missing key). */
export function makeI18n(lang: Lang): I18n {
  const messages = MESSAGES[lang];
  const dates = new Intl.DateTimeFormat(lang, { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' });
  const moments = new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short' });
  const numbers = new Intl.NumberFormat(lang);
  const percents = new Intl.NumberFormat(lang, { style: 'percent', maximumFractionDigits: 0 });
  return {
    lang,
    dir: lang === 'ar' ? 'rtl' : 'ltr',
    t(key, vars) {
      let s = messages[key] ?? en[key] ?? key;
      if (vars) for (const [k, v] of Object.entries(vars)) s = s.replaceAll(`{${k}}`, typeof v === 'number' ? numbers.format(v) : v);
      return s;
    },
    date: (iso) => (iso ? dates.format(new Date(`${iso}T00:00:00Z`)) : '—'),
    dateTime: (iso) => (iso ? moments.format(new Date(iso)) : '—'),
    number: (n) => numbers.format(n),
    percent: (n) => percents.format(n),
  };
}

export const I18nContext = createContext<I18n>(makeI18n('en'));
export const useI18n = () => useContext(I18nContext);
