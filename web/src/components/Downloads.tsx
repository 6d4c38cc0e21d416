import { useI18n } from '../i18n/i18n';
import { withQuery } from '../router';

/** Download links for an API list: CSV, Excel and JSON (same path, other extension). */
export function Downloads({ path, query = {} }: { path: string; query?: Record<string, string | undefined> }) {
  const { t, lang } = useI18n();
  const q = { ...query, lang };
  return (
    <div className="downloads" role="group" aria-label={t('download.label')}>
      <span>{t('download.label')}:</span>
      <a href={withQuery(`${path}.csv`, q)} download>{t('download.csv')}</a>
      <a href={withQuery(`${path}.xlsx`, q)} download>{t('download.xlsx')}</a>
      <a href={withQuery(`${path}.json`, q)}>{t('download.json')}</a>
    </div>
  );
}
