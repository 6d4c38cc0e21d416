import type { Schemas, Source } from '../api/client';
import { useI18n } from '../i18n/i18n';

/** Says plainly when the dated records hold fewer parties than the depositary publishes. */
export function CompletenessNote({ completeness, sources }: { completeness: Schemas['Completeness']; sources: Source[] }) {
  const { t, date } = useI18n();
  if (!completeness) return null;
  const src = sources.find((s) => s.id === completeness.source);
  return (
    <p className="incomplete" role="note">
      <strong>{t('completeness.title')}</strong>{' '}
      {completeness.published !== null
        ? t('completeness.text', { recorded: completeness.recorded, published: completeness.published, date: date(completeness.publishedAsOf) })
        : t('completeness.known', { recorded: completeness.recorded })}
      {completeness.note ? <> {completeness.note}</> : null}
      {src?.url ? <> <a href={src.url} rel="noopener noreferrer" target="_blank">{t('timeline.source')}</a></> : null}
    </p>
  );
}
