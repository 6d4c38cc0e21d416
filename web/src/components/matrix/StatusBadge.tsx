import type { MatrixStatus } from '../../api/client';
import { useI18n, type MessageKey } from '../../i18n/i18n';

/** Where a matrix stands in its cycle, as text (the colour only repeats it). */
export function MatrixStatusBadge({ status }: { status: MatrixStatus | 'none' }) {
  const { t } = useI18n();
  return <span className={`badge matrix-status matrix-status-${status}`}>{t(`matrixStatus.${status}` as MessageKey)}</span>;
}
