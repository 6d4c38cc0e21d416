import { useI18n } from '../../i18n/i18n';
import { withQuery } from '../../router';

/** The matrix shown, as a file: Excel laid out like the Committee's tables, PDF, CSV, JSON (same choice of matrix and date). */
export function MatrixDownloads({ iso3, query }: { iso3: string; query: Record<string, string | undefined> }) {
  const { t, lang } = useI18n();
  const q = { ...query, lang };
  const path = `/api/v1/states/${iso3}/matrix`;
  return (
    <div className="downloads" role="group" aria-label={t('download.label')}>
      <span>{t('download.label')}:</span>
      <a href={withQuery(`${path}.xlsx`, q)} download>{t('download.xlsx')}</a>
      <a href={withQuery(`${path}.pdf`, q)} download>{t('download.pdf')}</a>
      <a href={withQuery(`${path}.csv`, q)} download>{t('download.csv')}</a>
      <a href={withQuery(`${path}.json`, q)}>{t('download.json')}</a>
    </div>
  );
}
