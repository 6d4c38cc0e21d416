/** Domain types shared by the core, the database layer and the API. */

export const LANGS = ['ar', 'zh', 'en', 'fr', 'ru', 'es'] as const;
export type Lang = (typeof LANGS)[number];

export const REGIONAL_GROUPS = ['african', 'asia-pacific', 'eastern-european', 'grulac', 'weog'] as const;
export type RegionalGroup = (typeof REGIONAL_GROUPS)[number];

export const UN_STATUSES = ['member', 'observer', 'other'] as const;
export type UnStatus = (typeof UN_STATUSES)[number];

export interface StateNames { short: string; formal: string }
export interface GroupRole { group: RegionalGroup; role: 'member' | 'observer'; note?: string }
export interface Area { code: string; name: string }

export interface State {
  iso3: string;
  iso2: string;
  m49: string;
  unStatus: UnStatus;
  admitted: string | null;
  names: Record<Lang, StateNames>;
  aliases: string[];
  group: RegionalGroup | null;
  groupRoles: GroupRole[];
  groupNote?: string;
  region: Area | null;
  subregion: Area | null;
  intermediateRegion?: Area | null;
  sources: string[];
}

export const INSTRUMENT_KINDS = ['treaty', 'protocol', 'agreement', 'code-of-conduct', 'regime'] as const;
export type InstrumentKind = (typeof INSTRUMENT_KINDS)[number];
export const WEAPONS = ['nuclear', 'chemical', 'biological', 'delivery', 'general'] as const;

export interface InstrumentNames { short: string; full: string }
export interface Depositary { code: string; name: string }

/** The depositary's own published count, to show where the dated records are incomplete. */
export interface PublishedCount { parties: number; asOf: string; source: string; note?: string }

export interface Instrument {
  code: string;
  kind: InstrumentKind;
  parent: string | null;
  weapons: string[];
  names: Record<Lang, InstrumentNames>;
  depositaries: Depositary[];
  openedForSignature: string | null;
  entryIntoForce: string | null;
  sources: string[];
  notes?: string;
  published?: PublishedCount;
  /** Set when the dated records are known to miss parties (what is missing, in plain words). */
  incomplete?: string;
}

export const ACTION_TYPES = [
  'signature', 'ratification', 'accession', 'succession', 'acceptance', 'approval',
  'withdrawal', 'revocation', 'subscription', 'in-force', 'admission',
] as const;
export type ActionType = (typeof ACTION_TYPES)[number];

/** Actions that express consent to be bound (or the equivalent for codes, agreements and regimes). */
export const CONSENT_ACTIONS: ReadonlySet<ActionType> = new Set([
  'ratification', 'accession', 'succession', 'acceptance', 'approval', 'subscription', 'in-force', 'admission',
]);

export interface Action {
  instrument: string;
  state: string;
  action: ActionType;
  date: string;
  depositary: string | null;
  effective: string | null;
  source: string;
  note: string | null;
}

export interface Source {
  id: string;
  title: string;
  publisher?: string;
  url?: string;
  consulted?: string;
  note?: string;
}

export const STATUSES = ['party', 'signatory', 'withdrawn', 'none'] as const;
export type Status = (typeof STATUSES)[number];
