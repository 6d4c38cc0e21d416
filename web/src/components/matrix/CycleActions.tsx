import { useState } from 'react';
import type { MatrixInfo, MatrixSaveResult, MatrixStatus, Transition } from '../../api/client';
import { useI18n, type MessageKey } from '../../i18n/i18n';
import { api } from '../../session';
import { ProblemAlert, StatusMessage } from '../Form';
import { Busy } from './Busy';

/** The steps a matrix may take from each status (the server refuses any other). */
export const NEXT: Record<MatrixStatus, Transition[]> = {
  draft: ['share'], shared: ['agree', 'take-back'], agreed: ['submit'], 'in-approval': ['withdraw'], approved: ['publish'], published: [],
};

/** For experts: move the open matrix one step in its cycle, from the version read. */
export function CycleActions({ iso3, matrix, onDone }: { iso3: string; matrix: MatrixInfo; onDone: () => void }) {
  const { t } = useI18n();
  const [busy, setBusy] = useState<Transition | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<Transition | null>(null);
  const move = async (transition: Transition) => {
    setBusy(transition); setError(null); setDone(null);
    try {
      await api<MatrixInfo>('POST', `/api/v1/states/${iso3}/matrix/transitions`, { transition, version: matrix.version });
      setDone(transition);
    } catch (err) { setError(err); } finally { setBusy(null); onDone(); }
  };
  const next = NEXT[matrix.status];
  return (
    <div className="cycle-actions">
      {done ? <StatusMessage>{t(`transition.done.${done}` as MessageKey)}</StatusMessage> : null}
      <ProblemAlert error={error} />
      {next.length ? (
        <ul className="action-list">
          {next.map((tr) => (
            <li key={tr}>
              <button type="button" className={tr === 'take-back' || tr === 'withdraw' ? 'button-secondary' : undefined} disabled={!!busy}
                aria-describedby={`transition-${tr}-hint`} onClick={() => void move(tr)}>{t(`transition.${tr}` as MessageKey)}</button>
              <span id={`transition-${tr}-hint`} className="hint">{t(`transition.hint.${tr}` as MessageKey)}</span>
            </li>
          ))}
        </ul>
      ) : null}
      {busy ? <Busy /> : null}
    </div>
  );
}

/** For experts: start a new draft (from the last published matrix) when none is open. */
export function StartDraft({ iso3, onDone }: { iso3: string; onDone: () => void }) {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const start = async () => {
    setBusy(true); setError(null);
    try { await api('POST', `/api/v1/states/${iso3}/matrix`); onDone(); } catch (err) { setError(err); } finally { setBusy(false); }
  };
  return (
    <div>
      <ProblemAlert error={error} />
      <p className="hint">{t('editor.startHint')}</p>
      <button type="button" onClick={() => void start()} disabled={busy}>{t('editor.start')}</button>
      {busy ? <Busy /> : null}
    </div>
  );
}

/** For experts: copy the open-source layer (OP 1 rows from the depositaries' records) into the draft. */
export function AcceptOpenSource({ iso3, onDone }: { iso3: string; onDone: () => void }) {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [result, setResult] = useState<MatrixSaveResult | null>(null);
  const accept = async () => {
    setBusy(true); setError(null); setResult(null);
    try {
      setResult(await api<MatrixSaveResult>('POST', `/api/v1/states/${iso3}/matrix/accept-open-source`, {}));
      onDone();
    } catch (err) { setError(err); } finally { setBusy(false); }
  };
  return (
    <div>
      <ProblemAlert error={error} />
      <p className="hint">{t('editor.acceptHint')}</p>
      <button type="button" className="button-secondary" onClick={() => void accept()} disabled={busy}>{t('editor.accept')}</button>
      {busy ? <Busy /> : null}
      {result ? <StatusMessage>{result.saved.length ? t('editor.accepted', { count: result.saved.length }) : t('editor.acceptedNone')}</StatusMessage> : null}
    </div>
  );
}
