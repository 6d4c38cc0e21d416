import { useMemo } from 'react';
import { useApi, MATRIX_SECTIONS, MATRIX_WEAPONS, type CatalogueEdition, type Coverage } from '../../api/client';
import { useI18n, type MessageKey } from '../../i18n/i18n';
import { useMatrixLabels } from '../../i18n/matrixLabels';
import { Async } from '../Async';
import { Link } from '../Link';

/** On a State's page: fields with measures in its published matrix, by section and weapon type, and the way to the matrix. */
export function StateMatrixSummary({ iso3 }: { iso3: string }) {
  const { t, lang } = useI18n();
  const coverage = useApi<Coverage>('/api/v1/coverage');
  return (
    <section className="matrix-summary-card" aria-labelledby="matrix-summary-h">
      <h2 id="matrix-summary-h">{t('stateMatrix.title')}</h2>
      <Async data={coverage}>
        {(c) => {
          const s = c.states.find((x) => x.iso3 === iso3);
          return s ? <Counts coverage={c} iso3={iso3} /> : <p>{t('stateMatrix.none')}</p>;
        }}
      </Async>
      <p><Link href={`/${lang}/states/${iso3}/matrix`} className="button-link">{t('stateMatrix.open')}</Link></p>
    </section>
  );
}

function Counts({ coverage: c, iso3 }: { coverage: Coverage; iso3: string }) {
  const { t, number, date } = useI18n();
  const m = useMatrixLabels();
  const s = c.states.find((x) => x.iso3 === iso3)!;
  const catalogue = useApi<CatalogueEdition>(`/api/v1/catalogue/${encodeURIComponent(c.edition)}`);
  const totals = useMemo(() => {
    const bySection: Record<string, number> = {};
    const byWeapon: Record<string, number> = {};
    if (catalogue.state === 'ready') for (const f of catalogue.data.fields) { bySection[f.section] = (bySection[f.section] ?? 0) + 1; byWeapon[f.weapon] = (byWeapon[f.weapon] ?? 0) + 1; }
    return { bySection, byWeapon };
  }, [catalogue]);
  const of = (n: number, total: number | undefined) => (total ? t('universality.ofTotal', { count: n, total }) : number(n));
  return (
    <>
      <p className="summary">{t('stateMatrix.total', { count: s.total, total: c.fieldCount, date: date(c.asOf.slice(0, 10)) })}</p>
      <div className="summary-tables">
        <div className="table-scroll">
          <table>
            <caption>{t('stateMatrix.bySection')}</caption>
            <thead><tr><th scope="col">{t('coverage.section')}</th><th scope="col">{t('coverage.fieldsWithMeasures')}</th></tr></thead>
            <tbody>{MATRIX_SECTIONS.map((k) => <tr key={k}><th scope="row">{t(`coverage.sectionShort.${k}` as MessageKey)}</th><td className="num">{of(s.bySection[k] ?? 0, totals.bySection[k])}</td></tr>)}</tbody>
          </table>
        </div>
        <div className="table-scroll">
          <table>
            <caption>{t('stateMatrix.byWeapon')}</caption>
            <thead><tr><th scope="col">{t('matrix.weaponType')}</th><th scope="col">{t('coverage.fieldsWithMeasures')}</th></tr></thead>
            <tbody>{MATRIX_WEAPONS.map((k) => <tr key={k}><th scope="row">{m.weapon(k)}</th><td className="num">{of(s.byWeapon[k] ?? 0, totals.byWeapon[k])}</td></tr>)}</tbody>
          </table>
        </div>
      </div>
      <p className="hint">{t('stateMatrix.method')}</p>
    </>
  );
}
