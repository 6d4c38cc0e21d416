/** Request and response schemas of /api/v1/instruments. */
import { z } from '@hono/zod-openapi';
import { secured } from '../../policies/registry.js';
import { fileContent } from '../../formats.js';
import { AsOfParam, LangParam } from '../../params.js';
import { problemResponses } from '../../problem.js';
import { CompletenessSchema, InstrumentSchema, ParticipationCountsSchema, SourceSchema, StateRefSchema, StatusDetailSchema } from '../../schemas.js';

const CodeParam = z.string().regex(/^[a-z0-9-]{2,40}$/, 'must be an instrument code such as npt')
  .openapi({ param: { name: 'code', in: 'path' }, example: 'npt' });

export const listInstrumentsRoute = secured('reference:read', {
  method: 'get', path: '/api/v1/instruments', tags: ['Instruments'], summary: 'Every instrument (treaties, protocols, agreements, codes of conduct, regimes)',
  request: { query: z.object({ lang: LangParam }) },
  responses: {
    200: { description: 'Instruments in presentation order', content: { 'application/json': { schema: z.object({ count: z.number().int(), instruments: z.array(InstrumentSchema) }) }, ...fileContent } },
    400: problemResponses[400],
  },
});

export const getInstrumentRoute = secured('reference:read', {
  method: 'get', path: '/api/v1/instruments/{code}', tags: ['Instruments'],
  summary: 'One instrument, its counts as of a date, and the number of parties at the end of each year',
  request: { params: z.object({ code: CodeParam }), query: z.object({ asOf: AsOfParam }) },
  responses: {
    200: {
      description: 'The instrument',
      content: { 'application/json': { schema: InstrumentSchema.extend({
        asOf: z.string(), inForce: z.boolean(), counts: ParticipationCountsSchema, completeness: CompletenessSchema,
        history: z.array(z.object({ date: z.string(), parties: z.number().int(), unMemberParties: z.number().int() })),
        sources: z.array(SourceSchema),
      }).openapi('InstrumentDetail') } },
    },
    ...problemResponses,
  },
});

export const ParticipantSchema = StatusDetailSchema.extend({
  state: StateRefSchema, unMember: z.boolean().describe('a UN Member State on the date'),
}).openapi('Participant');

export const participantsRoute = secured('reference:read', {
  method: 'get', path: '/api/v1/instruments/{code}/participants', tags: ['Instruments', 'Participation'],
  summary: 'Every entity with its status under the instrument as of a date, its actions, and counts',
  request: { params: z.object({ code: CodeParam }), query: z.object({ asOf: AsOfParam, lang: LangParam }) },
  responses: {
    200: {
      description: 'Participants',
      content: {
        'application/json': { schema: z.object({
          instrument: InstrumentSchema, asOf: z.string(),
          inForce: z.boolean().describe('false when the instrument is not in force on the date: "party" then means consent to be bound was given'),
          counts: ParticipationCountsSchema, completeness: CompletenessSchema, participants: z.array(ParticipantSchema), sources: z.array(SourceSchema),
        }).openapi('Participants') },
        ...fileContent,
      },
    },
    ...problemResponses,
  },
});
