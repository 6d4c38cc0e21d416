import { useId } from 'react';
import type { MatrixInfo } from '../../api/client';
import { useI18n, type MessageKey } from '../../i18n/i18n';
import { navigate, useLocation, withQuery } from '../../router';
import { DateControl } from '../DateControl';

/** Which matrix to show (its number; the default is the open draft for those who may see it, else the latest published), on which date, gaps only. */
export function MatrixControls({ matrices }: { matrices: MatrixInfo[] }) {
  const { t } = useI18n();
  const loc = useLocation();
  const id = useId();
  const q = Object.fromEntries(loc.query.entries());
  const set = (k: string, v: string) => navigate(withQuery(`/${loc.path.join('/')}`, { ...q, [k]: v }), { replace: true });
  return (
    <div className="filters matrix-controls">
      <div className="field">
        <label htmlFor={`${id}-m`}>{t('matrix.choose')}</label>
        <select id={`${id}-m`} value={q.edition ?? ''} onChange={(e) => set('edition', e.target.value)}>
          <option value="">{t('matrix.default')}</option>
          {matrices.map((mx) => (
            <option key={mx.number} value={String(mx.number)}>{t('matrix.option', { number: mx.number, status: t(`matrixStatus.${mx.status}` as MessageKey) })}</option>
          ))}
        </select>
      </div>
      <DateControl />
      <div className="check">
        <input id={`${id}-gaps`} type="checkbox" checked={q.gaps === '1'} onChange={(e) => set('gaps', e.target.checked ? '1' : '')} />
        <label htmlFor={`${id}-gaps`}>{t('matrix.gapsOnly')}</label>
      </div>
    </div>
  );
}
