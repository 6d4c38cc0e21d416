import { MARKS } from '../../api/client';
import { useI18n } from '../../i18n/i18n';
import { useMatrixLabels } from '../../i18n/matrixLabels';
import { MarkBadge } from './MarkBadge';

/** What the marks mean, and how citations, remarks and the open-source layer show in a cell. */
export function MarkLegend() {
  const { t } = useI18n();
  const m = useMatrixLabels();
  return (
    <div className="mark-legend">
      <h2 className="visually-hidden">{t('legend.title')}</h2>
      <ul className="legend">
        {[...MARKS, null].map((mk) => <li key={mk ?? 'empty'}><MarkBadge mark={mk} /> {mk ? m.markMeaning(mk) : m.markShort(null)}</li>)}
        <li><span className="cite-count" aria-hidden="true">2</span> {t('legend.citations')}</li>
        <li><span className="has-remarks" aria-hidden="true">*</span> {t('legend.remarks')}</li>
        <li><span className="cell cell-legend cell-os" aria-hidden="true">{MARKS[0]}</span> {t('legend.openSource')}</li>
      </ul>
      <p className="hint">{t('legend.open')}</p>
    </div>
  );
}
