import type { StateMatrix } from '../../api/client';
import { useI18n } from '../../i18n/i18n';
import { useMatrixLabels } from '../../i18n/matrixLabels';
import type { LaidSection } from './layout';
import { MatrixTable, rowHasGap, type CellData } from './MatrixTable';

/** The matrix, section by section; OP 1 with the open-source layer beside the Committee's entries. */
export function MatrixSections({ sections, data, gapsOnly, openSource }: {
  sections: LaidSection[]; data: CellData; gapsOnly: boolean; openSource: StateMatrix['openSource'];
}) {
  const { t, date, lang } = useI18n();
  const m = useMatrixLabels();
  return (
    <>
      {sections.map((s) => (
        <section key={s.id} className="matrix-section" aria-labelledby={`section-${s.id}`}>
          <h2 id={`section-${s.id}`}>{m.section(s.id)}</h2>
          {s.id === 'op1' && openSource.fields.length ? (
            <div className="os-note" role="note">
              <p><strong>{t('openSource.title')}</strong>{' — '}{lang === 'en' ? openSource.note : t('openSource.label')}</p>
              <p className="small">{t('openSource.explain', { date: date(openSource.date) })}</p>
            </div>
          ) : null}
          {s.tables.map((tb) => {
            const rows = gapsOnly ? tb.rows.filter((r) => rowHasGap(r, data.values)) : tb.rows;
            if (rows.length === 0) return <p key={tb.id} className="empty">{t('matrix.noGaps', { table: m.table(tb.id) })}</p>;
            return <MatrixTable key={tb.id} table={tb} rows={rows} data={data} />;
          })}
        </section>
      ))}
    </>
  );
}
