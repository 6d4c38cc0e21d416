import { useI18n } from '../i18n/i18n';
import { navigate, useLocation, withQuery } from '../router';

/** The "as of" date of a page, kept in the URL (?date=YYYY-MM-DD). */
export function DateControl() {
  const { t } = useI18n();
  const loc = useLocation();
  const value = loc.query.get('date') ?? '';
  const set = (d: string) => {
    const q = Object.fromEntries(loc.query.entries());
    navigate(withQuery(`/${loc.path.join('/')}`, { ...q, date: d }), { replace: true });
  };
  return (
    <label className="date-control">{t('date.asOf')}
      <input type="date" value={value} min="1925-01-01" onChange={(e) => set(e.target.value)} />
      {value ? <button type="button" onClick={() => set('')}>{t('date.today')}</button> : null}
    </label>
  );
}
