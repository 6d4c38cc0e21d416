import { useEffect, useState } from 'react';
import type { AuditEvent } from '../api/client';
import { Async } from '../components/Async';
import { ProblemAlert } from '../components/Form';
import { knownOr, roleName } from '../components/roles';
import { useStates } from '../components/useStates';
import { useI18n } from '../i18n/i18n';
import { api, useLoad, useSession } from '../session';

interface Verification { ok: boolean; checked: number; seq?: number; reason?: string }

const LIMIT = 100;

/** Recent changes the reader may see, and the verification of the log's hash chain. */
export function AuditPage() {
  const { t } = useI18n();
  const { user } = useSession();
  const [events] = useLoad<{ events: AuditEvent[] }>(`/api/v1/audit/events?limit=${LIMIT}`);
  return (
    <>
      <h1>{t('audit.title')}</h1>
      <p className="lead">{t('audit.lead')}</p>
      <p className="hint">{t(user ? 'audit.scopeSignedIn' : 'audit.scopePublic')}</p>
      <Verify />
      <section aria-labelledby="events-h">
        <h2 id="events-h">{t('audit.recent')}</h2>
        <Async data={events}>
          {(d) => d.events.length === 0 ? <p className="empty">{t('audit.none')}</p> : <EventTable events={d.events} />}
        </Async>
      </section>
    </>
  );
}

function Verify() {
  const { t, dateTime } = useI18n();
  const [result, setResult] = useState<{ r: Verification; at: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const run = async () => {
    setBusy(true); setError(null);
    try {
      const r = await api<Verification>('GET', '/api/v1/audit/verify');
      setResult({ r, at: new Date().toISOString() });
    } catch (err) { setError(err); } finally { setBusy(false); }
  };
  useEffect(() => { void run(); }, []);
  return (
    <section className="verify" aria-labelledby="verify-h">
      <h2 id="verify-h">{t('audit.chain')}</h2>
      <div aria-live="polite" aria-busy={busy}>
        {busy && !result ? <p className="loading"><span className="spinner" aria-hidden="true" />{t('audit.verifying')}</p> : null}
        {result ? (
          result.r.ok
            ? <p className="verified"><span className="badge badge-active">{t('audit.verified')}</span> {t('audit.verifiedText', { count: result.r.checked, time: dateTime(result.at) })}</p>
            : <p className="broken" role="alert"><span className="badge badge-revoked">{t('audit.broken')}</span> {t('audit.brokenText', { seq: result.r.seq ?? '?', count: result.r.checked, time: dateTime(result.at) })}
                {result.r.reason ? <> <span dir="ltr" className="ltr-value">{result.r.reason}</span></> : null}</p>
        ) : null}
      </div>
      <ProblemAlert error={error} />
      <button type="button" onClick={run} disabled={busy}>{busy ? t('audit.verifying') : t('audit.verifyNow')}</button>
      <p className="hint">{t('audit.chainHint')}</p>
    </section>
  );
}

function EventTable({ events }: { events: AuditEvent[] }) {
  const { t, dateTime } = useI18n();
  const { name } = useStates();
  return (
    <div className="table-scroll">
      <table className="audit">
        <caption>{t('audit.caption', { count: events.length })}</caption>
        <thead><tr>
          <th scope="col">{t('audit.time')}</th><th scope="col">{t('audit.actor')}</th><th scope="col">{t('audit.action')}</th>
          <th scope="col">{t('audit.entity')}</th><th scope="col">{t('audit.seq')}</th>
        </tr></thead>
        <tbody>
          {events.map((e) => {
            const label = entityLabel(e);
            return (
              <tr key={e.seq}>
                <td><time dateTime={e.at}>{dateTime(e.at)}</time></td>
                <td>{e.actorRole === 'cli' ? t('audit.cli') : roleName(t, e.actorRole)}<Via via={e.via} /></td>
                <td>{knownOr(t, 'audit.actions', e.action)}{e.visibility === 'restricted' ? <div><span className="badge badge-restricted">{t('audit.restricted')}</span></div> : null}</td>
                <td>
                  {knownOr(t, 'audit.entities', e.entityType)}{e.entityId ? ` #${e.entityId}` : ''}
                  {label ? <div className="small">{label}</div> : null}
                  {e.state ? <div className="small muted">{name(e.state)}</div> : null}
                </td>
                <td className="num">{e.seq}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

/** How the actor was authenticated: a browser session or an API token (the command line is its own role). */
function Via({ via }: { via: string | undefined }) {
  const { t } = useI18n();
  const token = /^token:(\d+)$/.exec(via ?? '');
  if (token) return <div className="small muted">{t('audit.viaToken', { id: token[1]! })}</div>;
  if (via === 'session') return <div className="small muted">{t('audit.viaSession')}</div>;
  return null;
}

/** A name for the record changed, when the event carries one (shown as text, never as markup). */
function entityLabel(e: AuditEvent): string | null {
  const pick = (v: unknown) => (v && typeof v === 'object' ? (v as Record<string, unknown>) : null);
  const rec = pick(e.change.after) ?? pick(e.change.before);
  const value = rec?.name ?? rec?.displayName;
  return typeof value === 'string' ? value : null;
}
