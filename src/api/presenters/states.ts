/** What JSON leaves for States. */
import type { Source, State } from '../../core/types.js';

export function presentStateSummary(s: State) {
  return {
    iso3: s.iso3, iso2: s.iso2, m49: s.m49, unStatus: s.unStatus, admitted: s.admitted, names: s.names,
    group: s.group, region: s.region, subregion: s.subregion,
  };
}

export function presentStateRef(s: State) {
  return {
    iso3: s.iso3, m49: s.m49, unStatus: s.unStatus, group: s.group,
    names: { ar: s.names.ar.short, zh: s.names.zh.short, en: s.names.en.short, fr: s.names.fr.short, ru: s.names.ru.short, es: s.names.es.short },
  };
}

export function presentState(s: State, sources: Source[]) {
  return {
    ...presentStateSummary(s),
    aliases: s.aliases, groupRoles: s.groupRoles,
    ...(s.groupNote ? { groupNote: s.groupNote } : {}),
    ...(s.intermediateRegion ? { intermediateRegion: s.intermediateRegion } : {}),
    sources,
  };
}
