import type { OpenSourceFact } from '../../api/client';
import { useI18n, type MessageKey } from '../../i18n/i18n';

/** The depositary records an open-source mark was derived from: instrument, action, date, depositary. */
export function OpenSourceFacts({ facts }: { facts: OpenSourceFact[] }) {
  const { t, date } = useI18n();
  if (facts.length === 0) return null;
  return (
    <ul className="os-facts">
      {facts.map((f, i) => (
        <li key={i}>
          <code>{f.instrument}</code>: {t(`action.${f.action}` as MessageKey)} <time dateTime={f.date}>{date(f.date)}</time>
          {f.effective ? <> — {t('timeline.effective', { date: date(f.effective) })}</> : null}
          {f.depositary ? <span className="muted"> ({f.depositary})</span> : null}
        </li>
      ))}
    </ul>
  );
}
