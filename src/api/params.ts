/** Query parameters shared by many routes: the as-of date and the language of names in files. */
import { z } from '@hono/zod-openapi';
import { isIsoDate, today } from '../core/dates.js';
import { LANGS } from '../core/types.js';

export const AsOfParam = z.string()
  .refine(isIsoDate, { message: 'must be a calendar date written YYYY-MM-DD' })
  .refine((d) => d >= '1925-01-01', { message: 'must be on or after 1925-01-01' })
  .optional()
  .openapi({ param: { name: 'asOf', in: 'query' }, example: '2008-12-31', description: 'Date for the status (default: today)' });

export const LangParam = z.enum(LANGS).optional()
  .openapi({ param: { name: 'lang', in: 'query' }, description: 'Language of names in CSV and XLSX files (default en)' });

/** The as-of date to use: the one given, or today. */
export function resolveAsOf(asOf: string | undefined): string {
  return asOf ?? today();
}
