/** Response schemas shared by several resources (names, sources, actions, counts). */
import { z } from '@hono/zod-openapi';
import { ACTION_TYPES, INSTRUMENT_KINDS, LANGS, REGIONAL_GROUPS, STATUSES, UN_STATUSES } from '../core/types.js';

const names = <T extends z.ZodTypeAny>(s: T) => z.object(Object.fromEntries(LANGS.map((l) => [l, s])) as Record<(typeof LANGS)[number], T>);

export const StateNamesSchema = names(z.object({ short: z.string(), formal: z.string() })).openapi('StateNames');
export const InstrumentNamesSchema = names(z.object({ short: z.string(), full: z.string() })).openapi('InstrumentNames');
export const GroupSchema = z.enum(REGIONAL_GROUPS).openapi('RegionalGroup');
export const StatusSchema = z.enum(STATUSES).openapi('Status', { description: 'party | signatory | withdrawn | none' });
export const AreaSchema = z.object({ code: z.string(), name: z.string() }).openapi('Area');

export const SourceSchema = z.object({
  id: z.string(), title: z.string(), publisher: z.string().optional(), url: z.string().optional(),
  consulted: z.string().optional(), note: z.string().optional(),
}).openapi('Source');

export const StateSummarySchema = z.object({
  iso3: z.string(), iso2: z.string(), m49: z.string(),
  unStatus: z.enum(UN_STATUSES), admitted: z.string().nullable(),
  names: StateNamesSchema,
  group: GroupSchema.nullable(),
  region: AreaSchema.nullable(), subregion: AreaSchema.nullable(),
}).openapi('StateSummary');

/** A State as named inside long lists: codes, group, and its short name in each language. */
export const StateRefSchema = z.object({
  iso3: z.string(), m49: z.string(), unStatus: z.enum(UN_STATUSES), group: GroupSchema.nullable(),
  names: z.object(Object.fromEntries(LANGS.map((l) => [l, z.string()])) as Record<(typeof LANGS)[number], z.ZodString>).describe('short names'),
}).openapi('StateRef');

export const StateSchema = StateSummarySchema.extend({
  aliases: z.array(z.string()),
  groupRoles: z.array(z.object({ group: GroupSchema, role: z.enum(['member', 'observer']), note: z.string().optional() })),
  groupNote: z.string().optional(),
  intermediateRegion: AreaSchema.nullable().optional(),
  sources: z.array(SourceSchema),
}).openapi('State');

export const ActionSchema = z.object({
  action: z.enum(ACTION_TYPES), date: z.string(), depositary: z.string().nullable(), effective: z.string().nullable(),
  source: z.string().describe('id of a source in the response\'s sources list'), note: z.string().nullable(),
}).openapi('Action');

const countsShape = { party: z.number().int(), signatory: z.number().int(), withdrawn: z.number().int(), none: z.number().int(), total: z.number().int() };
export const CountsSchema = z.object(countsShape).openapi('StatusCounts');
export const ParticipationCountsSchema = z.object({
  all: CountsSchema.describe('every entity in the register'),
  unMembers: CountsSchema.describe('UN Member States as of the date'),
}).openapi('ParticipationCounts');

export const InstrumentSchema = z.object({
  code: z.string(), kind: z.enum(INSTRUMENT_KINDS), parent: z.string().nullable(), weapons: z.array(z.string()),
  names: InstrumentNamesSchema,
  depositaries: z.array(z.object({ code: z.string(), name: z.string() })),
  openedForSignature: z.string().nullable(), entryIntoForce: z.string().nullable(),
  notes: z.string().optional(),
  published: z.object({ parties: z.number().int(), asOf: z.string(), source: z.string(), note: z.string().optional() }).optional()
    .describe("the depositary's published count of parties, with its date and source"),
  incomplete: z.string().optional().describe('present when the dated records are known to miss parties: what is missing'),
}).openapi('Instrument');

export const CompletenessSchema = z.object({
  recorded: z.number().int().describe('parties in the dated records on the date'),
  published: z.number().int().nullable().describe("the depositary's published count, when it is higher than the records"),
  publishedAsOf: z.string().nullable(), source: z.string().nullable(), note: z.string().optional(),
}).nullable().openapi('Completeness', { description: 'null when the dated records are complete as far as the published count shows' });

export const StatusDetailSchema = z.object({
  status: StatusSchema,
  since: z.string().nullable(),
  signed: z.string().nullable(),
  pendingWithdrawal: z.object({ notified: z.string(), effective: z.string() }).nullable(),
  notes: z.array(z.string()),
  actions: z.array(ActionSchema),
});
