import type { Evidence } from '../../api/client';
import { useI18n, type MessageKey } from '../../i18n/i18n';

/** Each citation behind a mark: its kind, the document, where in it, a link, its language and an excerpt. */
export function EvidenceList({ evidence }: { evidence: Evidence[] }) {
  const { t } = useI18n();
  if (evidence.length === 0) return <p className="empty">{t('evidence.none')}</p>;
  return (
    <ol className="evidence-list">
      {evidence.map((e, i) => (
        <li key={i}>
          <span className="badge evidence-kind">{t(`evidenceKind.${e.kind}` as MessageKey)}</span>{' '}
          <bdi><cite>{e.document}</cite>{e.locator ? <>, {e.locator}</> : null}</bdi>
          {e.language ? <span className="muted small"> ({t('evidence.languageIs', { language: e.language })})</span> : null}
          {e.url ? <div className="small"><a href={e.url} rel="noopener noreferrer" target="_blank" dir="ltr" className="ltr-value evidence-url">{e.url}</a></div> : null}
          {e.excerpt ? <blockquote className="excerpt" lang={e.language ?? undefined} dir="auto">{e.excerpt}</blockquote> : null}
        </li>
      ))}
    </ol>
  );
}
