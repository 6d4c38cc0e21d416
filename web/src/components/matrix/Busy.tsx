import { useI18n } from '../../i18n/i18n';

/** A progress indicator for work that takes a moment, announced politely. */
export function Busy({ label }: { label?: string }) {
  const { t } = useI18n();
  return <p className="loading" role="status" aria-live="polite"><span className="spinner" aria-hidden="true" />{label ?? t('matrix.working')}</p>;
}
