/** The CSV/XLSX layouts of the instrument lists. */
import type { Instrument, Lang } from '../../../core/types.js';
import { actionSourcesText, actionText } from '../../../reports/actionText.js';
import type { Table } from '../../../reports/table.js';
import type { instrumentParticipants } from '../../../services/participation.js';

export function instrumentsTable(instruments: Instrument[], lang: Lang, url: string): Table {
  return {
    name: 'instruments', title: 'Instruments — open1540', url,
    source: 'Depositaries and regime secretariats, as cited in each instrument record (/api/v1/instruments/{code})',
    columns: [
      { key: 'code', header: 'Code' }, { key: 'short', header: `Short name (${lang})` }, { key: 'full', header: `Full name (${lang})`, width: 60 },
      { key: 'kind', header: 'Kind' }, { key: 'weapons', header: 'Weapons' }, { key: 'depositaries', header: 'Depositaries', width: 40 },
      { key: 'opened', header: 'Opened for signature' }, { key: 'inForce', header: 'Entry into force' },
    ],
    rows: instruments.map((i) => ({
      code: i.code, short: i.names[lang].short, full: i.names[lang].full, kind: i.kind, weapons: i.weapons,
      depositaries: i.depositaries.map((d) => d.name), opened: i.openedForSignature, inForce: i.entryIntoForce,
    })),
  };
}

type Participants = NonNullable<Awaited<ReturnType<typeof instrumentParticipants>>>;

export function participantsTable(r: Participants, asOf: string, lang: Lang, url: string): Table {
  return {
    name: `${r.instrument.code}-participants-${asOf}`,
    title: `${r.instrument.names[lang].full}: status of every entity as of ${asOf}`,
    source: [...new Set(r.sources.map((s) => s.publisher ?? s.title))].join('; ') || 'Depositary records', url,
    columns: [
      { key: 'iso3', header: 'ISO3' }, { key: 'name', header: `Name (${lang})`, width: 32 }, { key: 'unMember', header: 'UN member on date' },
      { key: 'group', header: 'Regional group' }, { key: 'status', header: 'Status' }, { key: 'since', header: 'Since' },
      { key: 'signed', header: 'Signed' }, { key: 'actions', header: 'Actions', width: 60 }, { key: 'sources', header: 'Action sources', width: 60 },
      { key: 'notes', header: 'Notes', width: 40 },
    ],
    rows: r.participants.map((p) => ({
      iso3: p.state.iso3, name: p.state.names[lang].short, unMember: p.unMember, group: p.state.group, status: p.status,
      since: p.since, signed: p.signed,
      actions: p.actions.map(actionText),
      sources: actionSourcesText(p.actions, r.sources), notes: p.notes,
    })),
  };
}
