import type { CatalogueField, MatrixFieldValue, OpenSourceField } from '../../api/client';
import { useI18n, type MessageKey } from '../../i18n/i18n';
import { useMatrixLabels } from '../../i18n/matrixLabels';
import { cellKey, type LaidRow, type LaidTable } from './layout';
import { MarkBadge } from './MarkBadge';

export interface CellData {
  values: ReadonlyMap<string, MatrixFieldValue>;
  openSource: ReadonlyMap<string, OpenSourceField>;
  onOpen: (field: string) => void;
}

const isBlank = (v: MatrixFieldValue | undefined) => !v || v.mark === null;

/** A row has a gap when any field it asks for is blank (no mark). */
export const rowHasGap = (row: LaidRow, values: ReadonlyMap<string, MatrixFieldValue>) => row.fields.some((f) => isBlank(values.get(f.id)));

/** One cell: a button showing the mark and the number of citations, which opens the field's details. */
function Cell({ field, value, data, os = false }: { field: CatalogueField; value: MatrixFieldValue | OpenSourceField | undefined; data: CellData; os?: boolean }) {
  const { t } = useI18n();
  const m = useMatrixLabels();
  const mark = value?.mark ?? null;
  const n = value?.evidence.length ?? 0;
  const provenance = !os && value && value.provenance !== 'committee-approved' ? t(`provenance.${value.provenance}` as MessageKey) : null;
  const details = [mark ? m.markMeaning(mark) : null, n ? t('matrix.citations', { count: n }) : null, provenance].filter(Boolean).join('; ');
  return (
    <button type="button" className={`cell${os ? ' cell-os' : ''}`} data-field={field.id} data-layer={os ? 'open-source' : 'matrix'}
      data-provenance={value?.provenance} aria-haspopup="dialog" onClick={() => data.onOpen(field.id)}>
      <span className="visually-hidden">{os ? `${m.row(field)} — ${t('openSource.short')}` : m.fieldName(field)}: </span>
      <MarkBadge mark={mark} />
      {details ? <span className="visually-hidden"> {details}</span> : null}
      {n ? <span className="cite-count" aria-hidden="true">{n}</span> : null}
      {value?.remarks && !os ? <span className="has-remarks" aria-hidden="true">*</span> : null}
    </button>
  );
}

function NotAsked() {
  const { t } = useI18n();
  return <td className="not-asked"><span className="visually-hidden">{t('matrix.notAsked')}</span></td>;
}

/** One of the Committee's tables: activities down the side, weapon types as column groups across. */
export function MatrixTable({ table, rows, data }: { table: LaidTable; rows: LaidRow[]; data: CellData }) {
  const { t } = useI18n();
  const m = useMatrixLabels();
  if (table.single) return <SingleTable table={table} rows={rows} data={data} />;
  return (
    <div className="table-scroll matrix-scroll">
      <table className="matrix-table">
        <caption>{m.table(table.id)}</caption>
        <colgroup><col className="col-row" /></colgroup>
        {table.groups.map((g) => <colgroup key={g.weapon} span={g.columns.length} className="weapon-group" />)}
        <thead>
          <tr>
            <th scope="col" rowSpan={2}>{t('matrix.activity')}</th>
            {table.groups.map((g) => <th key={g.weapon} scope="colgroup" colSpan={g.columns.length} className="weapon-head">{m.weapon(g.weapon)}</th>)}
          </tr>
          <tr>
            {table.groups.flatMap((g) => g.columns.map((c) => <th key={cellKey(g.weapon, c)} scope="col" className="column-head">{m.column(c)}</th>))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id}>
              <th scope="row">{m.row({ section: r.section, row: r.id, label: r.label })}</th>
              {table.groups.flatMap((g) => g.columns.map((c) => {
                const f = r.byKey.get(cellKey(g.weapon, c));
                return f ? <td key={cellKey(g.weapon, c)} className="mark-cell"><Cell field={f} value={data.values.get(f.id)} data={data} /></td>
                  : <NotAsked key={cellKey(g.weapon, c)} />;
              }))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The OP 1 tables: one "yes" per row, with the open-source layer in a column of its own, labelled as such. */
function SingleTable({ table, rows, data }: { table: LaidTable; rows: LaidRow[]; data: CellData }) {
  const { t } = useI18n();
  const m = useMatrixLabels();
  const withOs = rows.some((r) => r.fields.some((f) => data.openSource.has(f.id)));
  return (
    <div className="table-scroll matrix-scroll">
      <table className="matrix-table matrix-single">
        <caption>{m.table(table.id)}</caption>
        <thead>
          <tr>
            <th scope="col">{t('matrix.item')}</th>
            <th scope="col">{t('matrix.weaponType')}</th>
            <th scope="col">{t('matrix.committeeEntry')}</th>
            {withOs ? <th scope="col" className="os-head">{t('openSource.column')}</th> : null}
          </tr>
        </thead>
        <tbody>
          {rows.flatMap((r) => r.fields.map((f) => (
            <tr key={f.id}>
              <th scope="row">{m.row(f)}</th>
              <td>{m.weapon(f.weapon)}</td>
              <td className="mark-cell"><Cell field={f} value={data.values.get(f.id)} data={data} /></td>
              {withOs ? (
                <td className="mark-cell os-cell">
                  {data.openSource.has(f.id) ? <Cell field={f} value={data.openSource.get(f.id)} data={data} os /> : <span className="visually-hidden">{t('openSource.notDerived')}</span>}
                </td>
              ) : null}
            </tr>
          )))}
        </tbody>
      </table>
    </div>
  );
}
