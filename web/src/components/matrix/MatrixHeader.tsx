import type { StateMatrix, Submission } from '../../api/client';
import { useI18n } from '../../i18n/i18n';
import { MatrixStatusBadge } from './StatusBadge';

function SubmissionRef({ s }: { s: Submission }) {
  const { date } = useI18n();
  const text = <><time dateTime={s.date}>{date(s.date)}</time>{s.symbol ? <> (<bdi dir="ltr">{s.symbol}</bdi>)</> : null}</>;
  return s.url ? <a href={s.url} rel="noopener noreferrer" target="_blank">{text}</a> : text;
}

/** The matrix header as the Committee prints it (first report, additional information, approval) and where the matrix stands. */
export function MatrixHeader({ view }: { view: StateMatrix }) {
  const { t, date, dateTime } = useI18n();
  const h = view.header;
  const mx = view.matrix;
  const steps: Array<[string, string | null | undefined]> = mx
    ? [['cycle.created', mx.createdAt], ['cycle.shared', mx.sharedAt], ['cycle.agreed', mx.agreedAt], ['cycle.submitted', mx.submittedAt], ['cycle.approved', mx.approvedAt], ['cycle.published', mx.publishedAt]]
    : [];
  return (
    <section className="matrix-header" aria-labelledby="matrix-header-h">
      <h2 id="matrix-header-h" className="visually-hidden">{t('matrix.header')}</h2>
      <dl className="facts">
        <div><dt>{t('matrix.status')}</dt><dd><MatrixStatusBadge status={view.status} />
          {mx ? <div className="small">{t('matrix.numberEdition', { number: mx.number, edition: '\u2068' + view.edition + '\u2069' })}</div> : null}
          {view.asOf ? <div className="small">{t('matrix.asOfShown', { date: /^\d{4}-\d{2}-\d{2}$/.test(view.asOf) ? date(view.asOf) : dateTime(view.asOf) })}</div> : null}
        </dd></div>
        <div><dt>{t('matrix.firstReport')}</dt><dd>{h.firstReport ? <SubmissionRef s={h.firstReport} /> : <span className="muted">{t('matrix.noneRecorded')}</span>}</dd></div>
        <div><dt>{t('matrix.additional')}</dt><dd>
          {h.additional.length ? <ul className="plain-list">{h.additional.map((s) => <li key={s.id}><SubmissionRef s={s} /></li>)}</ul> : <span className="muted">{t('matrix.noneRecorded')}</span>}
        </dd></div>
        {h.actionPlans.length ? (
          <div><dt>{t('matrix.actionPlans')}</dt><dd><ul className="plain-list">{h.actionPlans.map((s) => <li key={s.id}><SubmissionRef s={s} /></li>)}</ul></dd></div>
        ) : null}
        <div><dt>{t('matrix.approvedOn')}</dt><dd>{h.approvedAt ? <time dateTime={h.approvedAt}>{dateTime(h.approvedAt)}</time> : <span className="muted">{t('matrix.notApproved')}</span>}</dd></div>
      </dl>
      {steps.length ? (
        <ol className="cycle-steps" aria-label={t('cycle.label')}>
          {steps.map(([key, at]) => (
            <li key={key} className={at ? 'done' : 'pending'}>
              <span className="step-name">{t(key as never)}</span>{' '}
              {at ? <time dateTime={at} className="small">{dateTime(at)}</time> : <span className="small muted">{t('cycle.notYet')}</span>}
            </li>
          ))}
        </ol>
      ) : null}
    </section>
  );
}
