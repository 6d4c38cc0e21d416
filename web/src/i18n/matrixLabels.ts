/** The labels of the 1540 matrix catalogue (sections, tables, rows, weapon types, columns, marks) in the six languages. */
import type { CatalogueField } from '../api/client';
import { useI18n, type I18n, type Lang } from './i18n';
import ar from './matrix/ar.json';
import en from './matrix/en.json';
import es from './matrix/es.json';
import fr from './matrix/fr.json';
import ru from './matrix/ru.json';
import zh from './matrix/zh.json';

const LABELS: Record<Lang, Record<string, string>> = { ar, en, es, fr, ru, zh };

export interface MatrixLabels {
  /** A catalogue label by key (`section.op2`, `row.op2.manufacture`…): the reader's language, then English, then `fallback`, then the key. */
  tm(key: string, fallback?: string): string;
  section(id: string): string;
  table(id: string): string;
  row(field: Pick<CatalogueField, 'section' | 'row' | 'label'>): string;
  weapon(id: string): string;
  column(id: string): string;
  /** The mark's short text: X, ?, NA, or the words for a blank field. */
  markShort(mark: string | null): string;
  /** The mark's meaning in full, the mark included ("X: steps taken…"). */
  markLong(mark: string | null): string;
  /** The mark's meaning without the mark itself ("steps taken…"), to follow the mark shown. */
  markMeaning(mark: string | null): string;
  /** Row, weapon type and column in one phrase, e.g. "Manufacture — Nuclear weapons, National legal framework". */
  fieldName(field: Pick<CatalogueField, 'section' | 'row' | 'label' | 'weapon' | 'column'>): string;
}

export function makeMatrixLabels(lang: Lang, t: I18n['t']): MatrixLabels {
  const own = LABELS[lang];
  const tm = (key: string, fallback?: string) => own[key] ?? en[key as keyof typeof en] ?? fallback ?? key;
  const labels: MatrixLabels = {
    tm,
    section: (id) => tm(`section.${id}`),
    table: (id) => tm(`table.${id}`),
    row: (f) => tm(`row.${f.section}.${f.row}`, f.label),
    weapon: (id) => tm(`weapon.${id}`),
    column: (id) => tm(`column.${id}`),
    markShort: (mark) => (mark ? mark : tm('mark.empty')),
    markLong: (mark) => tm(`mark.${mark ?? 'empty'}`),
    markMeaning: (mark) => tm(`mark.${mark ?? 'empty'}`).replace(/^(X|\?|NA)\s*[:：]\s*/, ''),
    fieldName: (f) => t('matrix.fieldName', { row: labels.row(f), weapon: labels.weapon(f.weapon), column: labels.column(f.column) }),
  };
  return labels;
}

const cache = new WeakMap<I18n, MatrixLabels>();
/** The catalogue labels in the reader's language. */
export function useMatrixLabels(): MatrixLabels {
  const i18n = useI18n();
  let m = cache.get(i18n);
  if (!m) cache.set(i18n, (m = makeMatrixLabels(i18n.lang, i18n.t)));
  return m;
}
