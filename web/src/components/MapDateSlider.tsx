import { useEffect, useState } from 'react';
import { useI18n } from '../i18n/i18n';
import { navigate, useLocation, withQuery } from '../router';

const todayIso = () => new Date().toISOString().slice(0, 10);

/** A year slider and a date field for the map's date, kept in the URL (?date=). */
export function MapDateSlider({ from }: { from: string }) {
  const { t, date } = useI18n();
  const loc = useLocation();
  const current = loc.query.get('date') ?? todayIso();
  const [year, setYear] = useState(Number(current.slice(0, 4)));
  useEffect(() => setYear(Number(current.slice(0, 4))), [current]);
  const minYear = Number(from.slice(0, 4));
  const maxYear = Number(todayIso().slice(0, 4));
  const go = (d: string) => navigate(withQuery(`/${loc.path.join('/')}`, { ...Object.fromEntries(loc.query.entries()), date: d }), { replace: true });
  const commitYear = (y: number) => go(y >= maxYear ? todayIso() : `${y}-12-31`);
  return (
    <div className="slider">
      <label htmlFor="year-slider">{t('slider.label', { date: date(current) })}</label>
      <input id="year-slider" type="range" min={minYear} max={maxYear} step={1} value={year}
        aria-valuetext={String(year)}
        onChange={(e) => setYear(Number(e.target.value))}
        onMouseUp={() => commitYear(year)} onTouchEnd={() => commitYear(year)} onKeyUp={() => commitYear(year)} />
      <div className="slider-scale" aria-hidden="true"><span>{minYear}</span><span>{year}</span><span>{maxYear}</span></div>
      <label className="date-control">{t('date.exact')}
        <input type="date" value={current} min={from} max={todayIso()} onChange={(e) => e.target.value && go(e.target.value)} />
      </label>
    </div>
  );
}
