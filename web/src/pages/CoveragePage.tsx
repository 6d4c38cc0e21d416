import { useMemo } from 'react';
import { useApi, MATRIX_SECTIONS, MATRIX_WEAPONS, type CatalogueEdition, type Coverage, type CoverageSummary } from '../api/client';
import { Async } from '../components/Async';
import { DateControl } from '../components/DateControl';
import { Link } from '../components/Link';
import { CoverageChart } from '../components/matrix/CoverageChart';
import { groupName } from '../components/names';
import { useStates } from '../components/useStates';
import { useI18n, type MessageKey } from '../i18n/i18n';
import { useMatrixLabels } from '../i18n/matrixLabels';
import { navigate, useLocation, withQuery } from '../router';

const GROUPS = ['african', 'asia-pacific', 'eastern-european', 'grulac', 'weog'];
const REGIONS: Record<string, string> = { Africa: '002', Americas: '019', Asia: '142', Europe: '150', Oceania: '009' };
const EMPTIEST = 20;

/** Coverage of the published matrices across States, as of a date: descriptive figures by one stated method, never a ranking. */
export function CoveragePage() {
  const { t, lang } = useI18n();
  const { query } = useLocation();
  const filters = { date: query.get('date') ?? '', group: query.get('group') ?? '', region: query.get('region') ?? '' };
  const set = (k: string, v: string) => navigate(withQuery(`/${lang}/coverage`, { ...filters, [k]: v }), { replace: true });
  const data = useApi<Coverage>(withQuery('/api/v1/coverage', { asOf: filters.date, group: filters.group, region: filters.region }));
  return (
    <>
      <h1>{t('coverage.title')}</h1>
      <p className="lead">{t('coverage.lead')}</p>
      <div className="filters">
        <DateControl />
        <label>{t('states.group')}
          <select value={filters.group} onChange={(e) => set('group', e.target.value)}>
            <option value="">{t('common.all')}</option>
            {GROUPS.map((g) => <option key={g} value={g}>{groupName(t, g)}</option>)}
          </select>
        </label>
        <label>{t('states.region')}
          <select value={filters.region} onChange={(e) => set('region', e.target.value)}>
            <option value="">{t('common.all')}</option>
            {Object.values(REGIONS).map((r) => <option key={r} value={r}>{t(`m49.${r}` as MessageKey)}</option>)}
          </select>
        </label>
      </div>
      <Async data={data}>{(c) => <CoverageBody coverage={c} />}</Async>
    </>
  );
}

function CoverageBody({ coverage: c }: { coverage: Coverage }) {
  const { t, lang, date, number } = useI18n();
  const m = useMatrixLabels();
  const { name } = useStates();
  const catalogue = useApi<CatalogueEdition>(`/api/v1/catalogue/${encodeURIComponent(c.edition)}`);
  const fields = useMemo(() => new Map(catalogue.state === 'ready' ? catalogue.data.fields.map((f) => [f.id, f]) : []), [catalogue]);
  const avg = useMemo(() => new Intl.NumberFormat(lang, { maximumFractionDigits: 1 }), [lang]);
  const fmt = (n: number | null) => (n === null ? '—' : avg.format(n));
  const region = (r: string) => (r === 'none' ? t('coverage.noRegion') : REGIONS[r] ? t(`m49.${REGIONS[r]}` as MessageKey) : r);
  const summaryRows = (rows: Array<CoverageSummary & { label: string }>, caption: string, head: string) => (
    <div className="table-scroll">
      <table className="coverage-summary">
        <caption>{caption}</caption>
        <thead><tr><th scope="col">{head}</th><th scope="col">{t('coverage.states')}</th><th scope="col">{t('coverage.mean')}</th><th scope="col">{t('coverage.median')}</th></tr></thead>
        <tbody>
          {rows.map((r) => <tr key={r.label}><th scope="row">{r.label}</th><td className="num">{number(r.states)}</td><td className="num">{fmt(r.mean)}</td><td className="num">{fmt(r.median)}</td></tr>)}
        </tbody>
      </table>
    </div>
  );
  return (
    <>
      <p className="summary">{t('coverage.asOf', { date: date(c.asOf.slice(0, 10)), count: c.matricesCounted, fields: c.fieldCount })}</p>
      <section className="method" aria-labelledby="method-h">
        <h2 id="method-h">{t('coverage.method')}</h2>
        <p>{lang === 'en' ? c.method : t('coverage.methodText')}</p>
        <p className="hint">{t('coverage.noRanking')}</p>
      </section>
      {c.matricesCounted === 0 ? <p className="empty">{t('coverage.none')}</p> : (
        <>
          <CoverageChart distribution={c.distribution} counted={c.matricesCounted} />
          <section aria-labelledby="averages-h">
            <h2 id="averages-h">{t('coverage.averages')}</h2>
            {summaryRows([{ label: t('coverage.allStates'), ...c.overall }, ...c.byGroup.map((g) => ({ ...g, label: groupName(t, g.group === 'none' ? null : g.group) }))], t('coverage.byGroup'), t('states.group'))}
            {summaryRows(c.byRegion.map((r) => ({ ...r, label: region(r.region) })), t('coverage.byRegion'), t('states.region'))}
          </section>
          <section aria-labelledby="empty-h">
            <h2 id="empty-h">{t('coverage.emptiest')}</h2>
            <div className="table-scroll">
              <table className="emptiest">
                <caption>{t('coverage.emptiestCaption', { count: Math.min(EMPTIEST, c.mostOftenEmpty.length) })}</caption>
                <thead><tr><th scope="col">{t('coverage.field')}</th><th scope="col">{t('coverage.section')}</th><th scope="col">{t('coverage.emptyIn')}</th></tr></thead>
                <tbody>
                  {c.mostOftenEmpty.slice(0, EMPTIEST).map((e) => {
                    const f = fields.get(e.field);
                    return (
                      <tr key={e.field}>
                        <th scope="row">{f ? m.fieldName(f) : e.field}</th>
                        <td>{f ? t(`coverage.sectionShort.${f.section}` as MessageKey) : '—'}</td>
                        <td className="num">{t('coverage.ofStates', { count: e.empty, total: c.matricesCounted })}</td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          </section>
          <section aria-labelledby="per-state-h">
            <h2 id="per-state-h">{t('coverage.perState')}</h2>
            <p className="hint">{t('coverage.perStateHint')}</p>
            <div className="table-scroll">
              <table className="coverage-states">
                <caption>{t('coverage.perStateCaption', { count: c.states.length })}</caption>
                <thead>
                  <tr>
                    <th scope="col" rowSpan={2}>{t('coverage.state')}</th>
                    <th scope="col" rowSpan={2}>{t('coverage.total')}</th>
                    <th scope="colgroup" colSpan={MATRIX_SECTIONS.length}>{t('coverage.bySection')}</th>
                    <th scope="colgroup" colSpan={MATRIX_WEAPONS.length}>{t('coverage.byWeapon')}</th>
                  </tr>
                  <tr>
                    {MATRIX_SECTIONS.map((s) => <th key={s} scope="col" className="small">{t(`coverage.sectionShort.${s}` as MessageKey)}</th>)}
                    {MATRIX_WEAPONS.map((w) => <th key={w} scope="col" className="small">{m.weapon(w)}</th>)}
                  </tr>
                </thead>
                <tbody>
                  {c.states.map((s) => (
                    <tr key={s.iso3} data-state={s.iso3}>
                      <th scope="row"><Link href={`/${lang}/states/${s.iso3}/matrix`}>{name(s.iso3)}</Link> <code className="muted small">{s.iso3}</code></th>
                      <td className="num">{number(s.total)}</td>
                      {MATRIX_SECTIONS.map((k) => <td key={k} className="num">{number(s.bySection[k] ?? 0)}</td>)}
                      {MATRIX_WEAPONS.map((k) => <td key={k} className="num">{number(s.byWeapon[k] ?? 0)}</td>)}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>
        </>
      )}
    </>
  );
}
