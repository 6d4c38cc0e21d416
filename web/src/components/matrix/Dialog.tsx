import { useEffect, useId, useRef, type ReactNode } from 'react';
import { useI18n } from '../../i18n/i18n';

/**
 * A modal dialog (the native <dialog>): focus moves to its title, Escape or "Close" closes it, and focus
 * returns to the control that opened it.
 */
export function Dialog({ title, subtitle, onClose, children }: { title: string; subtitle?: ReactNode; onClose: () => void; children: ReactNode }) {
  const { t } = useI18n();
  const ref = useRef<HTMLDialogElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const id = useId();
  const close = useRef(onClose);
  close.current = onClose;
  useEffect(() => {
    const d = ref.current!;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (!d.open) d.showModal();
    heading.current?.focus();
    const onCloseEvent = () => close.current();
    d.addEventListener('close', onCloseEvent);
    return () => {
      d.removeEventListener('close', onCloseEvent);
      if (d.open) d.close();
      if (opener?.isConnected) opener.focus();
    };
  }, []);
  return (
    <dialog ref={ref} className="dialog" aria-labelledby={`${id}-h`}>
      <div className="dialog-head">
        <div>
          <h2 id={`${id}-h`} ref={heading} tabIndex={-1}>{title}</h2>
          {subtitle ? <p className="muted small">{subtitle}</p> : null}
        </div>
        <button type="button" className="button-secondary" onClick={() => ref.current?.close()}>{t('common.close')}</button>
      </div>
      <div className="dialog-body">{children}</div>
    </dialog>
  );
}
