/** The shipped reference data as one bundle, and the checks `open1540 data check` runs on it. */
import { isIsoDate } from './dates.js';
import {
  ACTION_TYPES, INSTRUMENT_KINDS, LANGS, REGIONAL_GROUPS, UN_STATUSES, WEAPONS,
  type Action, type Instrument, type Source, type State,
} from './types.js';

export interface ReferenceData {
  states: State[];
  instruments: Instrument[];
  actions: Action[];
  sources: Source[];
}

export interface Problem { file: string; where: string; message: string }

const ISO3 = /^[A-Z]{3}$/;

function checkSources(file: string, where: string, ids: readonly string[], known: ReadonlySet<string>, out: Problem[]): void {
  if (ids.length === 0) out.push({ file, where, message: 'names no source' });
  for (const id of ids) if (!known.has(id)) out.push({ file, where, message: `unknown source "${id}"` });
}

function checkStates(data: ReferenceData, sourceIds: ReadonlySet<string>, out: Problem[]): void {
  const file = 'data/states/states.json';
  const seen = { iso3: new Set<string>(), iso2: new Set<string>(), m49: new Set<string>() };
  for (const s of data.states) {
    const where = s.iso3 ?? '(no iso3)';
    if (!ISO3.test(s.iso3)) out.push({ file, where, message: 'iso3 must be three capital letters' });
    if (!/^[A-Z]{2}$/.test(s.iso2)) out.push({ file, where, message: 'iso2 must be two capital letters' });
    if (!/^\d{3}$/.test(s.m49)) out.push({ file, where, message: 'm49 must be three digits' });
    for (const k of ['iso3', 'iso2', 'm49'] as const) {
      if (seen[k].has(s[k])) out.push({ file, where, message: `duplicate ${k} "${s[k]}"` });
      seen[k].add(s[k]);
    }
    if (!UN_STATUSES.includes(s.unStatus)) out.push({ file, where, message: `unknown unStatus "${s.unStatus}"` });
    if (s.unStatus === 'member' && !isIsoDate(s.admitted)) out.push({ file, where, message: 'a member needs an admission date (YYYY-MM-DD)' });
    if (s.unStatus !== 'member' && s.admitted !== null) out.push({ file, where, message: 'only members have an admission date' });
    if (s.admitted && s.admitted < '1945-10-24') out.push({ file, where, message: `impossible admission date ${s.admitted}` });
    if (s.group !== null && !REGIONAL_GROUPS.includes(s.group)) out.push({ file, where, message: `unknown group "${s.group}"` });
    for (const r of s.groupRoles ?? []) {
      if (!REGIONAL_GROUPS.includes(r.group)) out.push({ file, where, message: `unknown group "${r.group}" in groupRoles` });
    }
    for (const l of LANGS) {
      const n = s.names?.[l];
      if (!n?.short || !n?.formal) out.push({ file, where, message: `missing ${l} short or formal name` });
    }
    checkSources(file, where, s.sources ?? [], sourceIds, out);
  }
}

function checkInstruments(data: ReferenceData, sourceIds: ReadonlySet<string>, out: Problem[]): void {
  const codes = new Set<string>();
  for (const i of data.instruments) {
    const file = `data/treaties/instruments/${i.code}.json`;
    if (codes.has(i.code)) out.push({ file, where: i.code, message: 'duplicate instrument code' });
    codes.add(i.code);
    if (!/^[a-z0-9-]+$/.test(i.code)) out.push({ file, where: i.code, message: 'code must be lower-case letters, digits and hyphens' });
    if (!INSTRUMENT_KINDS.includes(i.kind)) out.push({ file, where: i.code, message: `unknown kind "${i.kind}"` });
    for (const w of i.weapons) if (!(WEAPONS as readonly string[]).includes(w)) out.push({ file, where: i.code, message: `unknown weapon type "${w}"` });
    for (const l of LANGS) if (!i.names?.[l]?.short || !i.names?.[l]?.full) out.push({ file, where: i.code, message: `missing ${l} short or full name` });
    for (const d of ['openedForSignature', 'entryIntoForce'] as const) {
      if (i[d] !== null && !isIsoDate(i[d])) out.push({ file, where: i.code, message: `${d} is not a date` });
    }
    if (i.openedForSignature && i.entryIntoForce && i.entryIntoForce < i.openedForSignature) {
      out.push({ file, where: i.code, message: 'enters into force before it opened for signature' });
    }
    checkSources(file, i.code, i.sources ?? [], sourceIds, out);
    if (i.published) {
      const p = i.published;
      if (!Number.isInteger(p.parties) || p.parties < 0) out.push({ file, where: i.code, message: 'published.parties must be a whole number' });
      if (!isIsoDate(p.asOf)) out.push({ file, where: i.code, message: 'published.asOf is not a date' });
      checkSources(file, `${i.code} published`, [p.source], sourceIds, out);
    }
    if (i.incomplete !== undefined && (typeof i.incomplete !== 'string' || !i.incomplete.trim())) {
      out.push({ file, where: i.code, message: 'incomplete must say, in words, what is missing' });
    }
  }
  for (const i of data.instruments) {
    if (i.parent && !codes.has(i.parent)) out.push({ file: `data/treaties/instruments/${i.code}.json`, where: i.code, message: `unknown parent "${i.parent}"` });
  }
}

function checkActions(data: ReferenceData, sourceIds: ReadonlySet<string>, today: string, out: Problem[]): void {
  const states = new Set(data.states.map((s) => s.iso3));
  const instruments = new Map(data.instruments.map((i) => [i.code, i]));
  const keys = new Set<string>();
  const rowsSeen = new Map<string, number>();
  data.actions.forEach((a) => {
    const file = `data/treaties/actions/${a.instrument}.csv`;
    // Actions are read file by file in order: the count within the file gives its line (after the header).
    const row = (rowsSeen.get(a.instrument) ?? 0) + 1;
    rowsSeen.set(a.instrument, row);
    const where = `line ${row + 1} (${a.state} ${a.action} ${a.date})`;
    const inst = instruments.get(a.instrument);
    if (!inst) { out.push({ file, where, message: `unknown instrument "${a.instrument}"` }); return; }
    if (!states.has(a.state)) out.push({ file, where, message: `unknown State code "${a.state}"` });
    if (!ACTION_TYPES.includes(a.action)) out.push({ file, where, message: `unknown action "${a.action}"` });
    if (!isIsoDate(a.date)) out.push({ file, where, message: `"${a.date}" is not a date (YYYY-MM-DD)` });
    else {
      if (a.date > today) out.push({ file, where, message: `date ${a.date} is in the future` });
      if (inst.openedForSignature && a.date < inst.openedForSignature && a.action === 'signature') {
        out.push({ file, where, message: `signed ${a.date}, before the instrument opened for signature (${inst.openedForSignature})` });
      }
      if (a.date < '1925-01-01') out.push({ file, where, message: `impossible date ${a.date}` });
    }
    if (a.effective !== null) {
      if (a.action !== 'withdrawal') out.push({ file, where, message: 'only a withdrawal has an effective date' });
      else if (!isIsoDate(a.effective) || a.effective < a.date) out.push({ file, where, message: 'the effective date must be a date on or after the notice' });
    }
    const deps = inst.depositaries.map((d) => d.code);
    if (deps.length > 0 && (!a.depositary || !deps.includes(a.depositary))) {
      out.push({ file, where, message: `depositary must be one of ${deps.join(', ')}` });
    }
    if (deps.length === 0 && a.depositary) out.push({ file, where, message: 'this instrument has no depositary' });
    if (!a.source) out.push({ file, where, message: 'the action names no source' });
    else if (!sourceIds.has(a.source)) out.push({ file, where, message: `unknown source "${a.source}"` });
    const key = [a.instrument, a.state, a.action, a.date, a.depositary ?? ''].join('|');
    if (keys.has(key)) out.push({ file, where, message: 'duplicate action' });
    keys.add(key);
  });
}

/** Every problem in the bundle; an empty list means the data is fit to load. */
export function checkReferenceData(data: ReferenceData, today: string): Problem[] {
  const out: Problem[] = [];
  const sourceIds = new Set(data.sources.map((s) => s.id));
  for (const s of data.sources) {
    if (!s.title) out.push({ file: 'data/sources', where: s.id, message: 'a source needs a title' });
  }
  checkStates(data, sourceIds, out);
  checkInstruments(data, sourceIds, out);
  checkActions(data, sourceIds, today, out);
  return out;
}
