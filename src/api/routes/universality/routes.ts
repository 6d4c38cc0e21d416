/** /api/v1/universality: every instrument's counts, overall and by regional group, as of a date. */
import { z } from '@hono/zod-openapi';
import { secured } from '../../policies/registry.js';
import { REGIONAL_GROUPS, type Lang } from '../../../core/types.js';
import type { Table } from '../../../reports/table.js';
import { universality } from '../../../services/participation.js';
import type { App } from '../../env.js';
import { fileContent, sendTable, wantedFormat } from '../../formats.js';
import { AsOfParam, LangParam, resolveAsOf } from '../../params.js';
import { presentInstrument } from '../../presenters/instruments.js';
import { problemResponses } from '../../problem.js';
import { CompletenessSchema, CountsSchema, InstrumentSchema, ParticipationCountsSchema } from '../../schemas.js';

export const universalityRoute = secured('reference:read', {
  method: 'get', path: '/api/v1/universality', tags: ['Participation'],
  summary: 'Instruments × counts by status, overall, among UN members, and by regional group (UN members on the date)',
  request: { query: z.object({ asOf: AsOfParam, lang: LangParam }) },
  responses: {
    200: {
      description: 'One row per instrument',
      content: {
        'application/json': { schema: z.object({
          asOf: z.string(), groups: z.array(z.string()),
          instruments: z.array(z.object({
            instrument: InstrumentSchema, inForce: z.boolean(), counts: ParticipationCountsSchema, completeness: CompletenessSchema,
            byGroup: z.array(z.object({ group: z.string().describe('a regional group, or "none"'), counts: CountsSchema })),
          })),
        }).openapi('Universality') },
        ...fileContent,
      },
    },
    400: problemResponses[400],
  },
});

type Rows = Awaited<ReturnType<typeof universality>>;

function universalityTable(rows: Rows, asOf: string, lang: Lang, url: string): Table {
  const groups = [...REGIONAL_GROUPS];
  return {
    name: `universality-${asOf}`, title: `Participation in each instrument as of ${asOf}`, url,
    source: 'Depositary records as cited per action (see /api/v1/instruments/{code}/participants)',
    columns: [
      { key: 'code', header: 'Code' }, { key: 'name', header: `Instrument (${lang})`, width: 48 },
      { key: 'party', header: 'Parties (all entities)' }, { key: 'signatory', header: 'Signatories' },
      { key: 'published', header: 'Published count (where records are incomplete)' },
      { key: 'unParty', header: 'UN members that are parties' }, { key: 'unTotal', header: 'UN members on date' },
      ...groups.map((g) => ({ key: g, header: `Parties: ${g}` })),
    ],
    rows: rows.map((r) => ({
      code: r.instrument.code, name: r.instrument.names[lang].short, party: r.counts.all.party, signatory: r.counts.all.signatory,
      published: r.completeness ? `${r.completeness.published} (${r.completeness.publishedAsOf})` : '', unParty: r.counts.unMembers.party, unTotal: r.counts.unMembers.total,
      ...Object.fromEntries(groups.map((g) => [g, r.byGroup.find((b) => b.group === g)?.counts.party ?? 0])),
    })),
  };
}

export function registerUniversalityRoutes(app: App): void {
  app.openapi(universalityRoute, async (c) => {
    const { asOf: asOfParam, lang = 'en' } = c.req.valid('query');
    const asOf = resolveAsOf(asOfParam);
    const rows = await universality(c.var.db, asOf);
    const format = wantedFormat(c);
    if (format !== 'json') return sendTable(c, format, universalityTable(rows, asOf, lang, c.req.url));
    return c.json({
      asOf, groups: [...REGIONAL_GROUPS, 'none'],
      instruments: rows.map((r) => ({ instrument: presentInstrument(r.instrument), inForce: r.inForce, counts: r.counts, completeness: r.completeness, byGroup: r.byGroup })),
    }, 200);
  });
}
