import type { Schemas, Source } from '../api/client';
import { useI18n, type MessageKey } from '../i18n/i18n';

/** A State's dated actions under one instrument, each linked to its source. */
export function Timeline({ actions, sources }: { actions: Schemas['Action'][]; sources: Source[] }) {
  const { t, date } = useI18n();
  if (actions.length === 0) return <span className="muted">{t('timeline.none')}</span>;
  const byId = new Map(sources.map((s) => [s.id, s]));
  return (
    <ol className="timeline">
      {actions.map((a, i) => {
        const src = byId.get(a.source);
        return (
          <li key={i}>
            <time dateTime={a.date}>{date(a.date)}</time> {t(`action.${a.action}` as MessageKey)}
            {a.depositary ? <span className="muted"> ({a.depositary})</span> : null}
            {a.effective ? <span> — {t('timeline.effective', { date: date(a.effective) })}</span> : null}
            {src ? <> · {src.url ? <a href={src.url} rel="noopener noreferrer" target="_blank">{t('timeline.source')}</a> : <span title={src.title}>{t('timeline.source')}</span>}</> : null}
            {a.note ? <div className="note">{a.note}</div> : null}
          </li>
        );
      })}
    </ol>
  );
}
