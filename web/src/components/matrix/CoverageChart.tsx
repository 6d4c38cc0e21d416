import type { Coverage } from '../../api/client';
import { useI18n } from '../../i18n/i18n';

const W = 720, H = 260, M = { top: 16, right: 16, bottom: 40, left: 44 };

/** "Number of States by number of fields with measures": a bar chart, with the same figures as a table. */
export function CoverageChart({ distribution, counted }: { distribution: Coverage['distribution']; counted: number }) {
  const { t, number, dir } = useI18n();
  if (distribution.length === 0) return null;
  const max = Math.max(...distribution.map((b) => b.states), 1);
  const step = max <= 5 ? 1 : max <= 20 ? 5 : max <= 50 ? 10 : Math.ceil(max / 5 / 10) * 10;
  const yMax = Math.ceil(max / step) * step;
  const yTicks = Array.from({ length: yMax / step + 1 }, (_, i) => i * step);
  const band = (W - M.left - M.right) / distribution.length;
  const y = (v: number) => H - M.bottom - (v / yMax) * (H - M.top - M.bottom);
  const every = Math.max(1, Math.ceil(distribution.length / 10));
  const range = (b: Coverage['distribution'][number]) => (b.from === b.to ? number(b.from) : t('coverage.range', { from: b.from, to: b.to }));
  return (
    <figure className="chart coverage-chart">
      <figcaption><strong>{t('coverage.chartTitle')}</strong> <span className="muted">{t('coverage.chartUnit')}</span></figcaption>
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={t('coverage.chartSummary', { count: counted })} direction="ltr">
        {yTicks.map((v) => (
          <g key={v}>
            <line x1={M.left} x2={W - M.right} y1={y(v)} y2={y(v)} className="grid" />
            <text x={M.left - 6} y={y(v) + 4} textAnchor="end" className="tick">{number(v)}</text>
          </g>
        ))}
        {distribution.map((b, i) => (
          <g key={b.from}>
            <rect x={M.left + i * band + 1} y={y(b.states)} width={Math.max(1, band - 2)} height={H - M.bottom - y(b.states)} className="bar" />
            {i % every === 0 ? <text x={M.left + i * band + band / 2} y={H - M.bottom + 16} textAnchor="middle" className="tick">{number(b.from)}</text> : null}
          </g>
        ))}
        <text x={(W + M.left) / 2} y={H - 6} textAnchor="middle" className="tick axis-label">{t('coverage.xAxis')}</text>
      </svg>
      <details className="chart-data" dir={dir}>
        <summary>{t('coverage.showData')}</summary>
        <div className="table-scroll">
          <table>
            <caption>{t('coverage.chartTitle')}</caption>
            <thead><tr><th scope="col">{t('coverage.fieldsWithMeasures')}</th><th scope="col">{t('coverage.states')}</th></tr></thead>
            <tbody>
              {distribution.map((b) => <tr key={b.from}><th scope="row">{range(b)}</th><td className="num">{number(b.states)}</td></tr>)}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}
