import { useEffect, useMemo, useState } from 'react';
import { geoEqualEarth, geoPath } from 'd3-geo';
import { feature } from 'topojson-client';
import type { Topology, GeometryCollection } from 'topojson-specification';
import type { Feature, Geometry } from 'geojson';
import type { Instrument, Participant, Status } from '../api/client';
import { useI18n } from '../i18n/i18n';
import { statusKey } from './StatusBadge';
import { stateName } from './names';

const W = 960, H = 470;
export const STATUS_COLOURS: Record<Status, string> = { party: '#1b6e3a', signatory: '#d9a21b', withdrawn: '#b3261e', none: '#c9ced6' };
const NO_DATA = '#eef0f3';

type Countries = Feature<Geometry, { name: string }>[];

/** A world map coloured by status; map shapes from Natural Earth (world-atlas), joined on M49 codes. */
export function WorldMap({ participants, kind, title, incomplete = false }: { participants: Participant[]; kind: Instrument['kind']; title: string; incomplete?: boolean }) {
  const { t, lang } = useI18n();
  const [countries, setCountries] = useState<Countries | null>(null);
  useEffect(() => {
    let live = true;
    import('world-atlas/countries-50m.json').then((m) => {
      const topo = (m.default ?? m) as unknown as Topology<{ countries: GeometryCollection<{ name: string }> }>;
      if (live) setCountries((feature(topo, topo.objects.countries) as unknown as { features: Countries }).features);
    });
    return () => { live = false; };
  }, []);
  const byM49 = useMemo(() => new Map(participants.map((p) => [p.state.m49, p])), [participants]);
  const path = useMemo(() => geoPath(geoEqualEarth().fitSize([W, H], { type: 'Sphere' })), []);
  const statuses: Status[] = ['party', 'signatory', 'withdrawn', 'none'];
  return (
    <figure className="map">
      <figcaption><strong>{title}</strong></figcaption>
      {!countries ? <div className="loading" role="status"><span className="spinner" aria-hidden="true" />{t('common.loading')}</div> : (
        <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={title}>
          <path d={path({ type: 'Sphere' }) ?? ''} className="sphere" />
          {countries.map((c, i) => {
            const p = byM49.get(String(c.id ?? '').padStart(3, '0'));
            const label = p ? `${stateName(p.state, lang)}: ${t(statusKey(kind, p.status, incomplete))}` : `${c.properties.name}: ${t('map.notInRegister')}`;
            return (
              <path key={`${c.id ?? 'x'}-${i}`} d={path(c) ?? ''} fill={p ? STATUS_COLOURS[p.status] : NO_DATA} className="country">
                <title>{label}</title>
              </path>
            );
          })}
        </svg>
      )}
      <ul className="legend">
        {statuses.map((s) => <li key={s}><i className="swatch" data-status={s} aria-hidden="true" />{t(statusKey(kind, s, incomplete))}</li>)}
        <li><i className="swatch" data-status="nodata" aria-hidden="true" />{t('map.notInRegister')}</li>
      </ul>
      <p className="source">{t('map.source')}</p>
    </figure>
  );
}
