/** /api/v1/instruments: instruments and who participates in them, as of any date. */
import { listInstruments } from '../../../db/repositories/instruments.js';
import { instrumentOverview, instrumentParticipants } from '../../../services/participation.js';
import type { App } from '../../env.js';
import { sendTable, wantedFormat } from '../../formats.js';
import { resolveAsOf } from '../../params.js';
import { presentInstrument, presentStatus } from '../../presenters/instruments.js';
import { presentStateRef } from '../../presenters/states.js';
import { notFound } from '../../problem.js';
import { getInstrumentRoute, listInstrumentsRoute, participantsRoute } from './schema.js';
import { instrumentsTable, participantsTable } from './tables.js';

export function registerInstrumentRoutes(app: App): void {
  app.openapi(listInstrumentsRoute, async (c) => {
    const { lang = 'en' } = c.req.valid('query');
    const instruments = await listInstruments(c.var.db);
    const format = wantedFormat(c);
    if (format !== 'json') return sendTable(c, format, instrumentsTable(instruments, lang, c.req.url));
    return c.json({ count: instruments.length, instruments: instruments.map(presentInstrument) }, 200);
  });

  app.openapi(getInstrumentRoute, async (c) => {
    const { code } = c.req.valid('param');
    const asOf = resolveAsOf(c.req.valid('query').asOf);
    const r = await instrumentOverview(c.var.db, code, asOf);
    if (!r) throw notFound('instrument with code', code, 'code');
    return c.json({ ...presentInstrument(r.instrument), asOf, inForce: r.inForce, counts: r.counts, completeness: r.completeness, history: r.history, sources: r.sources }, 200);
  });

  app.openapi(participantsRoute, async (c) => {
    const { code } = c.req.valid('param');
    const { asOf: asOfParam, lang = 'en' } = c.req.valid('query');
    const asOf = resolveAsOf(asOfParam);
    const r = await instrumentParticipants(c.var.db, code, asOf);
    if (!r) throw notFound('instrument with code', code, 'code');
    const format = wantedFormat(c);
    if (format !== 'json') return sendTable(c, format, participantsTable(r, asOf, lang, c.req.url));
    return c.json({
      instrument: presentInstrument(r.instrument), asOf, inForce: r.inForce, counts: r.counts, completeness: r.completeness,
      participants: r.participants.map((p) => ({ state: presentStateRef(p.state), unMember: p.unMember, ...presentStatus(p, p.actions) })),
      sources: r.sources,
    }, 200);
  });
}
