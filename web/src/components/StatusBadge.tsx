import type { Instrument, Status } from '../api/client';
import { useI18n, type MessageKey } from '../i18n/i18n';

/** The words for a status depend on the kind of instrument (party, participant, subscribing State, in force). */
export function statusKey(kind: Instrument['kind'], status: Status, incomplete = false): MessageKey {
  if (status === 'none' && incomplete) return 'status.noRecord';
  if (status === 'party') {
    if (kind === 'regime') return 'status.party.regime';
    if (kind === 'code-of-conduct') return 'status.party.code';
    if (kind === 'agreement') return 'status.party.agreement';
    return 'status.party';
  }
  return `status.${status}` as MessageKey;
}

/** A status as text and colour (colour is never the only signal). */
export function StatusBadge({ kind, status, incomplete = false }: { kind: Instrument['kind']; status: Status; incomplete?: boolean }) {
  const { t } = useI18n();
  return <span className={`badge badge-${status}`}>{t(statusKey(kind, status, incomplete))}</span>;
}
