import type { Source } from '../api/client';
import { useI18n } from '../i18n/i18n';

/** The sources behind a page, de-duplicated, with links. */
export function SourceList({ sources }: { sources: Source[] }) {
  const { t } = useI18n();
  const unique = [...new Map(sources.map((s) => [s.id, s])).values()];
  if (unique.length === 0) return null;
  return (
    <section className="sources" aria-labelledby="sources-h">
      <h2 id="sources-h">{t('sources.title')}</h2>
      <ul>
        {unique.map((s) => (
          <li key={s.id} id={`source-${s.id}`}>
            {s.url ? <a href={s.url} rel="noopener noreferrer" target="_blank">{s.title}</a> : s.title}
            {s.publisher ? <span className="muted"> — {s.publisher}</span> : null}
            {s.consulted ? <span className="muted"> ({t('sources.consulted', { date: s.consulted })})</span> : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
