import { useId, useState, type FormEvent } from 'react';
import type { CatalogueField, Evidence, MatrixDiff as Diff, MatrixInfo } from '../../api/client';
import { useI18n, type MessageKey } from '../../i18n/i18n';
import { useMatrixLabels } from '../../i18n/matrixLabels';
import { useLoad } from '../../session';
import { Async } from '../Async';
import { MarkBadge } from './MarkBadge';

interface Side { kind: string; date: string }
const ref = (s: Side) => (s.kind === 'date' ? s.date : s.kind);

function SidePicker({ label, value, matrices, onChange }: { label: string; value: Side; matrices: MatrixInfo[]; onChange: (s: Side) => void }) {
  const { t } = useI18n();
  const id = useId();
  return (
    <div className="diff-side">
      <div className="field">
        <label htmlFor={`${id}-kind`}>{label}</label>
        <select id={`${id}-kind`} value={value.kind} onChange={(e) => onChange({ ...value, kind: e.target.value })}>
          <option value="current">{t('diff.current')}</option>
          {matrices.map((mx) => <option key={mx.number} value={String(mx.number)}>{t('matrix.option', { number: mx.number, status: t(`matrixStatus.${mx.status}` as MessageKey) })}</option>)}
          <option value="open-source">{t('diff.openSource')}</option>
          <option value="date">{t('diff.onDate')}</option>
        </select>
      </div>
      {value.kind === 'date' ? (
        <div className="field">
          <label htmlFor={`${id}-date`}>{t('diff.date', { side: label })}</label>
          <input id={`${id}-date`} type="date" required value={value.date} onChange={(e) => onChange({ ...value, date: e.target.value })} />
        </div>
      ) : null}
    </div>
  );
}

/** What changed between two matrices, dates, the current matrix or the open-source layer, field by field. */
export function MatrixDiff({ iso3, matrices, fields }: { iso3: string; matrices: MatrixInfo[]; fields: ReadonlyMap<string, CatalogueField> }) {
  const { t } = useI18n();
  const [from, setFrom] = useState<Side>({ kind: 'open-source', date: '' });
  const [to, setTo] = useState<Side>({ kind: 'current', date: '' });
  const [asked, setAsked] = useState<{ from: string; to: string } | null>(null);
  const submit = (e: FormEvent) => { e.preventDefault(); setAsked({ from: ref(from), to: ref(to) }); };
  return (
    <section className="matrix-diff" aria-labelledby="diff-h">
      <h2 id="diff-h">{t('diff.title')}</h2>
      <p className="hint">{t('diff.lead')}</p>
      <form className="filters diff-form" onSubmit={submit}>
        <SidePicker label={t('diff.from')} value={from} matrices={matrices} onChange={setFrom} />
        <SidePicker label={t('diff.to')} value={to} matrices={matrices} onChange={setTo} />
        <button type="submit">{t('diff.compare')}</button>
      </form>
      {asked ? <DiffResult iso3={iso3} from={asked.from} to={asked.to} fields={fields} /> : null}
    </section>
  );
}

function EvidenceChanges({ added, removed }: { added: Evidence[]; removed: Evidence[] }) {
  const { t } = useI18n();
  if (!added.length && !removed.length) return <span className="muted">—</span>;
  return (
    <ul className="plain-list evidence-changes">
      {added.map((e, i) => <li key={`a${i}`} className="added"><span className="diff-sign">{t('diff.citationAdded')}</span> <bdi><cite>{e.document}</cite>{e.locator ? `, ${e.locator}` : ''}</bdi></li>)}
      {removed.map((e, i) => <li key={`r${i}`} className="removed"><span className="diff-sign">{t('diff.citationRemoved')}</span> <bdi><cite>{e.document}</cite>{e.locator ? `, ${e.locator}` : ''}</bdi></li>)}
    </ul>
  );
}

function DiffResult({ iso3, from, to, fields }: { iso3: string; from: string; to: string; fields: ReadonlyMap<string, CatalogueField> }) {
  const { t, dir, date } = useI18n();
  const name = (r: string) => (r === 'current' ? t('diff.current') : r === 'open-source' ? t('diff.openSource') : /^\d+$/.test(r) ? t('diff.matrixN', { number: Number(r) }) : date(r));
  const m = useMatrixLabels();
  const [data] = useLoad<Diff>(`/api/v1/states/${iso3}/matrix/diff?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`);
  return (
    <div aria-live="polite">
      <Async data={data}>
        {(d) => (
          <>
            <p className="diff-summary">{t('diff.summary', { count: d.changes.length, from: name(from), to: name(to) })}</p>
            {d.changes.length === 0 ? <p className="empty">{t('diff.none')}</p> : (
              <div className="table-scroll">
                <table className="diff-table">
                  <caption>{t('diff.caption', { from: name(from), to: name(to) })}</caption>
                  <thead><tr>
                    <th scope="col">{t('diff.field')}</th><th scope="col">{t('diff.change')}</th><th scope="col">{t('diff.mark')}</th>
                    <th scope="col">{t('diff.evidence')}</th><th scope="col">{t('diff.remarks')}</th>
                  </tr></thead>
                  <tbody>
                    {d.changes.map((c) => {
                      const f = fields.get(c.field);
                      return (
                        <tr key={c.field} data-field={c.field} className={`change-${c.change}`}>
                          <th scope="row">{f ? m.fieldName(f) : c.label}<div className="small muted">{t(`coverage.sectionShort.${c.section}` as MessageKey)}</div></th>
                          <td><span className={`badge change-badge change-badge-${c.change}`}>{t(`diff.kind.${c.change}` as MessageKey)}</span></td>
                          <td className="mark-change"><MarkBadge mark={c.from?.mark ?? null} /> <span aria-hidden="true">{dir === 'rtl' ? '←' : '→'}</span><span className="visually-hidden">{t('diff.becomes')}</span> <MarkBadge mark={c.to?.mark ?? null} /></td>
                          <td><EvidenceChanges added={c.evidenceAdded} removed={c.evidenceRemoved} /></td>
                          <td>{c.remarksChanged ? t('diff.remarksChanged') : <span className="muted">—</span>}</td>
                        </tr>
                      );
                    })}
                  </tbody>
                </table>
              </div>
            )}
          </>
        )}
      </Async>
    </div>
  );
}
