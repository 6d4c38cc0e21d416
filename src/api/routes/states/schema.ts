/** Request and response schemas of /api/v1/states. */
import { z } from '@hono/zod-openapi';
import { secured } from '../../policies/registry.js';
import { REGIONAL_GROUPS, UN_STATUSES } from '../../../core/types.js';
import { fileContent } from '../../formats.js';
import { AsOfParam, LangParam } from '../../params.js';
import { problemResponses } from '../../problem.js';
import { InstrumentSchema, SourceSchema, StateSchema, StateSummarySchema, StatusDetailSchema } from '../../schemas.js';

export const Iso3Param = z.string().regex(/^[A-Za-z]{3}$/, 'must be an ISO 3166-1 alpha-3 code such as FRA')
  .openapi({ param: { name: 'iso3', in: 'path' }, example: 'FRA' });

export const listStatesRoute = secured('reference:read', {
  method: 'get', path: '/api/v1/states', tags: ['States'],
  summary: 'UN Member States, observer States and the other entities that are parties to the instruments',
  request: {
    query: z.object({
      group: z.enum([...REGIONAL_GROUPS, 'none']).optional().openapi({ description: 'UN regional group in which the State is counted; none = no group' }),
      region: z.string().regex(/^\d{3}$/, 'must be a three-digit M49 code').optional().openapi({ description: 'M49 region or sub-region code', example: '002' }),
      unStatus: z.enum(UN_STATUSES).optional(),
      q: z.string().max(100).optional().openapi({ description: 'Search in the names in all six languages, and common variants' }),
      lang: LangParam,
    }),
  },
  responses: {
    200: {
      description: 'The States, ordered by ISO3 code',
      content: { 'application/json': { schema: z.object({ count: z.number().int(), states: z.array(StateSummarySchema) }) }, ...fileContent },
    },
    400: problemResponses[400],
  },
});

export const getStateRoute = secured('reference:read', {
  method: 'get', path: '/api/v1/states/{iso3}', tags: ['States'], summary: 'One State with its codes, names, group, region and sources',
  request: { params: z.object({ iso3: Iso3Param }) },
  responses: {
    200: { description: 'The State', content: { 'application/json': { schema: StateSchema } } },
    ...problemResponses,
  },
});

export const StateInstrumentRowSchema = StatusDetailSchema.extend({
  instrument: InstrumentSchema,
  inForce: z.boolean().describe('whether the instrument itself is in force on the date'),
}).openapi('StateInstrumentStatus');

export const stateInstrumentsRoute = secured('reference:read', {
  method: 'get', path: '/api/v1/states/{iso3}/instruments', tags: ['States', 'Participation'],
  summary: "The State's status under every instrument as of a date, with its actions and their sources",
  request: { params: z.object({ iso3: Iso3Param }), query: z.object({ asOf: AsOfParam, lang: LangParam }) },
  responses: {
    200: {
      description: 'One row per instrument',
      content: {
        'application/json': { schema: z.object({ iso3: z.string(), asOf: z.string(), instruments: z.array(StateInstrumentRowSchema), sources: z.array(SourceSchema) }) },
        ...fileContent,
      },
    },
    ...problemResponses,
  },
});
