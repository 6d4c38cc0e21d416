import { useState } from 'react';
import type { MatrixHistory } from '../../api/client';
import { useI18n } from '../../i18n/i18n';
import { useLoad } from '../../session';
import { Async } from '../Async';
import { MarkBadge } from './MarkBadge';

/** Every revision of one field of a matrix: when, by whom (account number), why, the mark and the number of citations. */
export function FieldHistory({ iso3, number, field }: { iso3: string; number: number; field: string }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  return (
    <section className="field-history" aria-label={t('history.title')}>
      <button type="button" className="button-secondary" aria-expanded={open} onClick={() => setOpen((o) => !o)}>
        {t(open ? 'history.hide' : 'history.show')}
      </button>
      {open ? <HistoryTable iso3={iso3} number={number} field={field} /> : null}
    </section>
  );
}

function HistoryTable({ iso3, number, field }: { iso3: string; number: number; field: string }) {
  const { t, dateTime, number: num } = useI18n();
  const [data] = useLoad<MatrixHistory>(`/api/v1/states/${iso3}/matrix/history?edition=${number}&field=${encodeURIComponent(field)}`);
  return (
    <Async data={data}>
      {(h) => h.revisions.length === 0 ? <p className="empty">{t('history.none')}</p> : (
        <div className="table-scroll">
          <table className="history">
            <caption>{t('history.caption', { number: h.matrix?.number ?? number })}</caption>
            <thead><tr>
              <th scope="col">{t('history.version')}</th><th scope="col">{t('history.time')}</th><th scope="col">{t('history.author')}</th>
              <th scope="col">{t('history.reason')}</th><th scope="col">{t('history.mark')}</th><th scope="col">{t('history.evidence')}</th>
            </tr></thead>
            <tbody>
              {[...h.revisions].reverse().map((r) => (
                <tr key={r.version}>
                  <th scope="row" className="num">{num(r.version)}</th>
                  <td><time dateTime={r.at}>{dateTime(r.at)}</time></td>
                  <td>{r.author === null ? t('history.system') : (r.authorName ?? t('history.account', { id: r.author }))}</td>
                  <td>{r.reason ?? <span className="muted">—</span>}</td>
                  <td><MarkBadge mark={r.mark} /></td>
                  <td className="num">{num(r.evidence.length)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Async>
  );
}
