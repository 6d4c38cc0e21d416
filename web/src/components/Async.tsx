import type { ReactNode } from 'react';
import type { Loadable } from '../api/client';
import { useI18n } from '../i18n/i18n';

/** Renders loading and error states for data from the API, and the content once it is there. */
export function Async<T>({ data, children }: { data: Loadable<T>; children: (d: T) => ReactNode }) {
  const { t } = useI18n();
  if (data.state === 'loading') {
    return <div className="loading" role="status" aria-live="polite"><span className="spinner" aria-hidden="true" />{t('common.loading')}</div>;
  }
  if (data.state === 'error') {
    const status = 'status' in data.error ? (data.error as { status: number }).status : 0;
    return (
      <div className="error" role="alert">
        <strong>{status === 404 ? t('error.notFound') : t('error.title')}</strong>
        <p>{data.error.message}</p>
      </div>
    );
  }
  return <>{children(data.data)}</>;
}
