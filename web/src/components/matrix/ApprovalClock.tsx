import { useEffect, useId, useState, type FormEvent } from 'react';
import type { ApprovalClock as Clock, User } from '../../api/client';
import { useI18n } from '../../i18n/i18n';
import { api } from '../../session';
import { ProblemAlert, StatusMessage } from '../Form';
import { Busy } from './Busy';
import { formatDuration } from './duration';

/** Milliseconds left on a running clock, updated every second; calls `onDeadline` once the deadline has passed. */
function useRemaining(clock: Clock, onDeadline: () => void): number {
  const deadline = clock.state === 'running' && clock.deadline ? Date.parse(clock.deadline) : null;
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (deadline === null) return;
    const timer = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(timer);
  }, [deadline]);
  const passed = deadline !== null && now >= deadline;
  useEffect(() => {
    if (!passed) return;
    // The server approves at the deadline; read the matrix again shortly after.
    const timer = window.setTimeout(onDeadline, 1500);
    return () => window.clearTimeout(timer);
  }, [passed, onDeadline]);
  return deadline === null ? clock.remainingMs : Math.max(0, deadline - now);
}

/** The no-objection period: the deadline and time left, or "held" with the holds in place and their reasons. */
export function ApprovalClock({ iso3, clock, user, canHold, onChange }: { iso3: string; clock: Clock; user: User | null; canHold: boolean; onChange: () => void }) {
  const { t, lang, dateTime } = useI18n();
  const remaining = useRemaining(clock, onChange);
  const names = new Map(clock.holds.map((h) => [h.member, h.memberName]));
  const mine = !!user && clock.activeHolds.some((h) => h.by === user.id);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [message, setMessage] = useState<string | null>(null);
  const lift = async () => {
    setBusy(true); setError(null); setMessage(null);
    try { await api('POST', `/api/v1/states/${iso3}/matrix/holds`, { kind: 'lift' }); setMessage(t('clock.lifted')); } catch (err) { setError(err); } finally { setBusy(false); onChange(); }
  };
  return (
    <section className={`clock clock-${clock.state}`} aria-labelledby="clock-h">
      <h3 id="clock-h">{t('clock.title')}</h3>
      <p className="clock-state" aria-live="polite">
        <span className={`badge clock-badge-${clock.state}`}>{t(clock.state === 'held' ? 'clock.held' : clock.state === 'approved' ? 'clock.approved' : 'clock.running')}</span>{' '}
        {clock.state === 'running' && clock.deadline ? t('clock.runningText', { time: formatDuration(remaining, lang), deadline: dateTime(clock.deadline) }) : null}
        {clock.state === 'held' ? t('clock.heldText', { time: formatDuration(clock.remainingMs, lang) }) : null}
        {clock.state === 'approved' && clock.approvedAt ? t('clock.approvedText', { time: dateTime(clock.approvedAt) }) : null}
      </p>
      <p className="hint">{t('clock.period', { period: formatDuration(clock.periodMs, lang) })}</p>
      {clock.activeHolds.length ? (
        <>
          <h4>{t('clock.activeHolds')}</h4>
          <ul className="holds">
            {clock.activeHolds.map((h) => (
              <li key={`${h.by}-${h.at}`}>
                <strong>{names.get(h.by) ?? t('history.account', { id: h.by })}</strong>{' · '}<time dateTime={h.at}>{dateTime(h.at)}</time>
                {h.reason ? <p className="hold-reason" dir="auto">{h.reason}</p> : null}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {message ? <StatusMessage>{message}</StatusMessage> : null}
      <ProblemAlert error={error} />
      {canHold && clock.state !== 'approved' ? (
        mine ? <button type="button" onClick={() => void lift()} disabled={busy}>{t('clock.lift')}</button>
          : <HoldForm iso3={iso3} onDone={(ok) => { if (ok) setMessage(t('clock.placed')); onChange(); }} />
      ) : null}
      {busy ? <Busy /> : null}
    </section>
  );
}

function HoldForm({ iso3, onDone }: { iso3: string; onDone: (ok: boolean) => void }) {
  const { t } = useI18n();
  const id = useId();
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true); setError(null);
    try { await api('POST', `/api/v1/states/${iso3}/matrix/holds`, { kind: 'hold', reason: reason.trim() }); setReason(''); onDone(true); }
    catch (err) { setError(err); onDone(false); } finally { setBusy(false); }
  };
  return (
    <form className="hold-form" onSubmit={submit} aria-labelledby={`${id}-h`}>
      <h4 id={`${id}-h`}>{t('clock.placeTitle')}</h4>
      <ProblemAlert error={error} />
      <div className="field">
        <label htmlFor={`${id}-reason`}>{t('clock.reason')}</label>
        <textarea id={`${id}-reason`} rows={2} required maxLength={2000} value={reason} aria-describedby={`${id}-hint`} onChange={(e) => setReason(e.target.value)} />
        <p id={`${id}-hint`} className="hint">{t('clock.reasonHint')}</p>
      </div>
      <button type="submit" disabled={busy || !reason.trim()}>{t('clock.place')}</button>
    </form>
  );
}
