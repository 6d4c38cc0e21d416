import type { DiffValue, FieldConflict } from '../../api/client';
import { useI18n } from '../../i18n/i18n';
import { EvidenceList } from './EvidenceList';
import { MarkBadge } from './MarkBadge';

type Value = Pick<DiffValue, 'mark' | 'evidence' | 'remarks'>;

function ValueView({ value }: { value: Value | null }) {
  const { t } = useI18n();
  if (!value) return <p className="empty">{t('conflict.blank')}</p>;
  return (
    <>
      <p><MarkBadge mark={value.mark} full /></p>
      <EvidenceList evidence={value.evidence} />
      {value.remarks ? <p className="remarks" dir="auto">{value.remarks}</p> : null}
    </>
  );
}

/** A field someone else changed since it was read: the current value beside the one refused, and what to do next. */
export function ConflictView({ conflict, mine, busy, onReload, onOverwrite }: {
  conflict: FieldConflict; mine: Value; busy: boolean; onReload: () => void; onOverwrite?: () => void;
}) {
  const { t } = useI18n();
  const current = conflict.current;
  return (
    <div className="conflict" role="alert">
      <strong>{t('conflict.title')}</strong>
      <p>{t('conflict.text', { yours: conflict.yourVersion, current: current?.version ?? '?' })}</p>
      <div className="conflict-sides">
        <section className="conflict-side" aria-label={t('conflict.current')}>
          <h4>{t('conflict.current')}</h4>
          <ValueView value={current} />
        </section>
        <section className="conflict-side" aria-label={t('conflict.yours')}>
          <h4>{t('conflict.yours')}</h4>
          <ValueView value={mine} />
        </section>
      </div>
      <div className="form-actions">
        <button type="button" onClick={onReload} disabled={busy}>{t('conflict.reload')}</button>
        {onOverwrite ? <button type="button" className="button-secondary" onClick={onOverwrite} disabled={busy}>{t('conflict.overwrite')}</button> : null}
      </div>
    </div>
  );
}
