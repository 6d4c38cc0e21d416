/** /api/v1/states: the register of States and each State's participation. */
import { listSources } from '../../../db/repositories/sources.js';
import { getState, listStates } from '../../../db/repositories/states.js';
import { stateInstruments } from '../../../services/participation.js';
import type { App } from '../../env.js';
import { sendTable, wantedFormat } from '../../formats.js';
import { resolveAsOf } from '../../params.js';
import { presentInstrument, presentStatus } from '../../presenters/instruments.js';
import { presentState, presentStateSummary } from '../../presenters/states.js';
import { notFound } from '../../problem.js';
import { statesTable, stateInstrumentsTable } from './tables.js';
import { getStateRoute, listStatesRoute, stateInstrumentsRoute } from './schema.js';

export function registerStateRoutes(app: App): void {
  app.openapi(listStatesRoute, async (c) => {
    const { lang = 'en', ...filter } = c.req.valid('query');
    const states = await listStates(c.var.db, filter);
    const format = wantedFormat(c);
    if (format !== 'json') return sendTable(c, format, statesTable(states, lang, c.req.url));
    return c.json({ count: states.length, states: states.map(presentStateSummary) }, 200);
  });

  app.openapi(getStateRoute, async (c) => {
    const { iso3 } = c.req.valid('param');
    const state = await getState(c.var.db, iso3);
    if (!state) throw notFound('State with ISO3 code', iso3, 'iso3');
    return c.json(presentState(state, await listSources(c.var.db, state.sources)), 200);
  });

  app.openapi(stateInstrumentsRoute, async (c) => {
    const { iso3 } = c.req.valid('param');
    const { asOf: asOfParam, lang = 'en' } = c.req.valid('query');
    const asOf = resolveAsOf(asOfParam);
    const result = await stateInstruments(c.var.db, iso3, asOf);
    if (!result) throw notFound('State with ISO3 code', iso3, 'iso3');
    const format = wantedFormat(c);
    if (format !== 'json') return sendTable(c, format, stateInstrumentsTable(result, asOf, lang, c.req.url));
    return c.json({
      iso3: result.state.iso3, asOf,
      instruments: result.rows.map((r) => ({ instrument: presentInstrument(r.instrument), inForce: r.inForce, ...presentStatus(r, r.actions) })),
      sources: result.sources,
    }, 200);
  });
}

