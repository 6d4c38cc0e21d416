/** The CSV/XLSX layouts of the States lists. */
import type { Lang, State } from '../../../core/types.js';
import { actionSourcesText, actionText } from '../../../reports/actionText.js';
import type { Table } from '../../../reports/table.js';
import type { stateInstruments } from '../../../services/participation.js';

export const STATES_SOURCE = 'UNTERM (names); UN Member States list (admission dates); UN DGACM regional groups; UN M49 (regions) — see /api/v1/states/{iso3} for each record\'s sources';

export function statesTable(states: State[], lang: Lang, url: string): Table {
  return {
    name: 'states', title: 'States — open1540', source: STATES_SOURCE, url,
    columns: [
      { key: 'iso3', header: 'ISO3' }, { key: 'iso2', header: 'ISO2' }, { key: 'm49', header: 'M49' },
      { key: 'name', header: `Name (${lang})`, width: 32 }, { key: 'formal', header: `Formal name (${lang})`, width: 48 },
      { key: 'unStatus', header: 'UN status' }, { key: 'admitted', header: 'Admitted to the UN' },
      { key: 'group', header: 'Regional group' }, { key: 'region', header: 'M49 region' }, { key: 'subregion', header: 'M49 sub-region', width: 24 },
    ],
    rows: states.map((s) => ({
      iso3: s.iso3, iso2: s.iso2, m49: s.m49, name: s.names[lang].short, formal: s.names[lang].formal,
      unStatus: s.unStatus, admitted: s.admitted, group: s.group, region: s.region?.name, subregion: s.subregion?.name,
    })),
  };
}

type StateInstruments = NonNullable<Awaited<ReturnType<typeof stateInstruments>>>;

export function stateInstrumentsTable(r: StateInstruments, asOf: string, lang: Lang, url: string): Table {
  return {
    name: `${r.state.iso3.toLowerCase()}-instruments-${asOf}`,
    title: `${r.state.names[lang].short}: status under each instrument as of ${asOf}`,
    source: 'Depositary records as cited per row (see the Action sources column)', url,
    columns: [
      { key: 'code', header: 'Instrument code' }, { key: 'name', header: `Instrument (${lang})`, width: 48 },
      { key: 'status', header: 'Status' }, { key: 'since', header: 'Since' }, { key: 'signed', header: 'Signed' },
      { key: 'actions', header: 'Actions', width: 60 }, { key: 'sources', header: 'Action sources', width: 60 }, { key: 'notes', header: 'Notes', width: 40 },
    ],
    rows: r.rows.map((row) => ({
      code: row.instrument.code, name: row.instrument.names[lang].full, status: row.status, since: row.since, signed: row.signed,
      actions: row.actions.map(actionText),
      sources: actionSourcesText(row.actions, r.sources),
      notes: row.notes,
    })),
  };
}
