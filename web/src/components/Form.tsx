/** Form parts shared by the account pages: labelled fields, announced errors, confirmations, one-time secrets. */
import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { ApiError } from '../api/client';
import { useI18n, type I18n, type MessageKey } from '../i18n/i18n';
import { isCsrfRefusal } from '../session';
import { useLocation } from '../router';
import { Link } from './Link';

/** The policy problems the server names (src/core/passwords.ts), in the reader's language. */
const PASSWORD_PROBLEMS: Array<[string, MessageKey]> = [
  ['must be at least 12 characters long', 'password.short'],
  ['must be at most 200 characters long', 'password.long'],
  ['must use at least 5 different characters', 'password.variety'],
  ['is too common', 'password.common'],
  ['must not contain the e-mail name', 'password.emailName'],
];

/** Puts a message from the server into the reader's language when it is one we know; otherwise as sent. */
export function localise(t: I18n['t'], message: string): string {
  const m = message.trim();
  if (/^the e-mail or the password is wrong/i.test(m)) return t('signin.wrong');
  if (/^the current password is wrong/i.test(m)) return t('password.currentWrong');
  if (/^too many failed sign-ins/i.test(m)) return t('signin.locked');
  if (/^must be an e-mail address$/i.test(m)) return t('form.emailInvalid');
  if (/^may hold digits, spaces and/i.test(m)) return t('form.phoneInvalid');
  if (/^must not be empty$/i.test(m)) return t('form.required');
  const exists = /^an account with the e-mail (\S+) exists/i.exec(m);
  if (exists) return t('users.exists', { email: exists[1]! });
  const pw = /^the password (.*)$/i.exec(m);
  if (pw) {
    const parts = pw[1]!.split(';').map((p) => p.trim()).filter(Boolean);
    const known = parts.map((p) => PASSWORD_PROBLEMS.find(([text]) => p.startsWith(text))?.[1]);
    if (known.every(Boolean)) return known.map((k) => t(k!)).join(' ');
  }
  return m;
}

/** The field-level message for a parameter the server named, localised. */
export function fieldError(t: I18n['t'], error: unknown, ...parameters: string[]): string | undefined {
  if (!(error instanceof ApiError)) return undefined;
  const e = error.problem?.errors?.find((x) => parameters.includes(x.parameter));
  return e ? localise(t, e.message) : undefined;
}

const HEADINGS: Record<number, MessageKey> = {
  400: 'error.invalid', 401: 'error.signedOut', 403: 'error.forbidden', 404: 'error.notFound', 409: 'error.conflict', 429: 'signin.locked',
};

/** An error from the API, announced to screen readers: a heading by status, then what the server said. */
export function ProblemAlert({ error, headings = {} }: { error: unknown; headings?: Partial<Record<number, MessageKey>> }) {
  const { t, lang } = useI18n();
  const loc = useLocation();
  if (!error) return null;
  const e = error instanceof ApiError ? error : null;
  const csrf = isCsrfRefusal(error);
  const heading = e ? t(csrf ? 'error.csrf' : headings[e.status] ?? HEADINGS[e.status] ?? 'error.title') : t('error.title');
  const errors = e?.problem?.errors ?? [];
  const lines = e
    ? (errors.length ? errors.map((x) => localise(t, x.message)) : e.problem?.detail ? [localise(t, e.problem.detail)] : [])
    : [t('error.network')];
  const shown = [...new Set(lines)].filter((l) => l !== heading);
  const next = encodeURIComponent(`/${loc.path.join('/')}${window.location.search}`);
  return (
    <div className="error" role="alert">
      <strong>{heading}</strong>
      {shown.length === 1 ? <p>{shown[0]}</p> : shown.length > 1 ? <ul>{shown.map((l) => <li key={l}>{l}</li>)}</ul> : null}
      {e && (e.status === 401 || csrf) && loc.path[1] !== 'signin' ? <p><Link href={`/${lang}/signin?next=${next}`}>{t('auth.signIn')}</Link></p> : null}
    </div>
  );
}

/** A labelled control with an optional hint and error, wired with aria-describedby. */
export function Field({ label, hint, error, optional, children }: {
  label: string; hint?: ReactNode; error?: string; optional?: boolean;
  children: (props: { id: string; 'aria-describedby'?: string; 'aria-invalid'?: true }) => ReactNode;
}) {
  const { t } = useI18n();
  const id = useId();
  const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className={error ? 'field field-invalid' : 'field'}>
      <label htmlFor={id}>{label}{optional ? <span className="muted small"> {t('form.optional')}</span> : null}</label>
      {children({ id, 'aria-describedby': describedBy, 'aria-invalid': error ? true : undefined })}
      {hint ? <p id={`${id}-hint`} className="hint">{hint}</p> : null}
      {error ? <p id={`${id}-error`} className="field-error">{error}</p> : null}
    </div>
  );
}

/** A button that asks before acting: the question and the confirming button replace it until answered. */
export function ConfirmButton({ label, accessibleLabel, question, confirmLabel, onConfirm }: {
  label: string; accessibleLabel?: string; question: string; confirmLabel: string; onConfirm: () => unknown;
}) {
  const { t } = useI18n();
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const yes = useRef<HTMLButtonElement>(null);
  const trigger = useRef<HTMLButtonElement>(null);
  const wasAsking = useRef(false);
  useEffect(() => {
    if (asking) yes.current?.focus();
    else if (wasAsking.current) trigger.current?.focus();
    wasAsking.current = asking;
  }, [asking]);
  if (!asking) {
    return <button ref={trigger} type="button" className="button-secondary button-danger" aria-label={accessibleLabel} onClick={() => setAsking(true)}>{label}</button>;
  }
  return (
    <span className="confirm" role="group" aria-label={question} onKeyDown={(e) => { if (e.key === 'Escape') setAsking(false); }}>
      <span className="confirm-question">{question}</span>
      <button ref={yes} type="button" className="button-danger" disabled={busy}
        onClick={async () => { setBusy(true); try { await onConfirm(); } finally { setBusy(false); setAsking(false); } }}>{confirmLabel}</button>
      <button type="button" className="button-secondary" onClick={() => setAsking(false)}>{t('common.cancel')}</button>
    </span>
  );
}

/** A secret shown once (an API token, a generated password): a warning, the value to copy, and "done". */
export function OnceSecret({ title, label, value, warning, children, onDone }: {
  title: string; label: string; value: string; warning: string; children?: ReactNode; onDone: () => void;
}) {
  const { t } = useI18n();
  const [copied, setCopied] = useState<'yes' | 'no' | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const id = useId();
  useEffect(() => { heading.current?.focus(); }, []);
  const copy = async () => {
    try { await navigator.clipboard.writeText(value); setCopied('yes'); } catch { setCopied('no'); }
  };
  return (
    <section className="secret" aria-labelledby={`${id}-h`}>
      <h3 id={`${id}-h`} ref={heading} tabIndex={-1}>{title}</h3>
      <p className="secret-warning" role="alert">{warning}</p>
      <label htmlFor={`${id}-v`}>{label}</label>
      <div className="secret-row">
        <input id={`${id}-v`} className="secret-value" readOnly value={value} dir="ltr" spellCheck={false}
          autoComplete="off" onFocus={(e) => e.currentTarget.select()} />
        <button type="button" onClick={copy}>{t('secret.copy')}</button>
      </div>
      <p className="hint" aria-live="polite">{copied === 'yes' ? t('secret.copied') : copied === 'no' ? t('secret.copyFailed') : t('secret.copyHint')}</p>
      {children}
      <button type="button" className="button-secondary" onClick={onDone}>{t('secret.done')}</button>
    </section>
  );
}

/** Shown on pages that need an account, to a reader who is not signed in. */
export function SignInRequired() {
  const { t, lang } = useI18n();
  const loc = useLocation();
  const next = encodeURIComponent(`/${loc.path.join('/')}${window.location.search}`);
  return (
    <div className="notice">
      <p>{t('auth.required')}</p>
      <p><Link href={`/${lang}/signin?next=${next}`} className="button-link">{t('auth.signIn')}</Link></p>
    </div>
  );
}

/** "Saved" and similar confirmations, announced politely. */
export function StatusMessage({ children }: { children: ReactNode }) {
  return <p className="success" role="status">{children}</p>;
}
