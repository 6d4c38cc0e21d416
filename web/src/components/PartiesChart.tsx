import { useI18n } from '../i18n/i18n';

export interface Point { date: string; parties: number; unMemberParties: number }

const W = 720, H = 260, M = { top: 16, right: 16, bottom: 32, left: 44 };

/** Parties over time: a line chart with axes, a title, its source and a download of its data. */
export function PartiesChart({ points, title, source }: { points: Point[]; title: string; source: string }) {
  const { t, number, dir } = useI18n();
  if (points.length < 2) return null;
  const max = Math.max(...points.map((p) => p.parties), 1);
  const yMax = Math.ceil(max / 20) * 20 || 20;
  const x = (i: number) => M.left + (i / (points.length - 1)) * (W - M.left - M.right);
  const y = (v: number) => H - M.bottom - (v / yMax) * (H - M.top - M.bottom);
  const line = (key: 'parties' | 'unMemberParties') => points.map((p, i) => `${i ? 'L' : 'M'}${x(i).toFixed(1)},${y(p[key]).toFixed(1)}`).join('');
  const yTicks = [0, 0.25, 0.5, 0.75, 1].map((f) => Math.round(f * yMax));
  const step = Math.max(1, Math.ceil(points.length / 8));
  const csv = ['date,parties,un_member_parties', ...points.map((p) => `${p.date},${p.parties},${p.unMemberParties}`)].join('\r\n') + '\r\n';
  const href = URL.createObjectURL(new Blob([csv], { type: 'text/csv' }));
  const last = points.at(-1)!;
  return (
    <figure className="chart">
      <figcaption><strong>{title}</strong> <span className="muted">{t('chart.unit')}</span></figcaption>
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={t('chart.summary', { count: last.parties, date: last.date })} direction="ltr">
        {yTicks.map((v) => (
          <g key={v}>
            <line x1={M.left} x2={W - M.right} y1={y(v)} y2={y(v)} className="grid" />
            <text x={M.left - 6} y={y(v) + 4} textAnchor="end" className="tick">{number(v)}</text>
          </g>
        ))}
        {points.map((p, i) => ((i % step === 0 && points.length - 1 - i >= step / 2) || i === points.length - 1) && (
          <text key={p.date} x={x(i)} y={H - 10} textAnchor="middle" className="tick">{p.date.slice(0, 4)}</text>
        ))}
        <path d={line('parties')} className="line line-all" />
        <path d={line('unMemberParties')} className="line line-un" />
      </svg>
      <div className="legend" dir={dir}>
        <span><i className="swatch swatch-all" aria-hidden="true" />{t('chart.allParties')}</span>
        <span><i className="swatch swatch-un" aria-hidden="true" />{t('chart.unMemberParties')}</span>
      </div>
      <p className="source">{t('chart.source', { source })} · <a href={href} download="parties-over-time.csv">{t('download.csv')}</a></p>
    </figure>
  );
}
