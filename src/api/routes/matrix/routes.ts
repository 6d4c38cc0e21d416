/** /api/v1/catalogue, /api/v1/states/{iso3}/matrix…, /api/v1/coverage: the 1540 matrix. */
import { getEdition, listEditions } from '../../../db/repositories/catalogue.js';
import { listSources } from '../../../db/repositories/sources.js';
import { coverageAsOf } from '../../../services/coverage.js';
import { currentEdition, fieldsOf, matrixDiff, matrixHistory, matrixView } from '../../../services/matrix.js';
import { acceptOpenSource, saveEntries, startDraft } from '../../../services/matrixEdits.js';
import { addComment, addSubmission, comments, hold, removeSubmission, settleApprovals, submissions, transition } from '../../../services/matrixWorkflow.js';
import { today } from '../../../core/dates.js';
import type { App } from '../../env.js';
import { notFound } from '../../problem.js';
import { writeContext } from '../../writeContext.js';
import {
  acceptRoute, addCommentRoute, addSubmissionRoute, catalogueListRoute, catalogueRoute, commentsRoute, coverageRoute, deleteSubmissionRoute, diffRoute,
  historyRoute, holdRoute, matrixRoute, saveRoute, startRoute, submissionsRoute, transitionRoute,
} from './schema.js';
import { registerMatrixFileRoutes, sendMatrixFile, wantedMatrixFormat } from './files.js';

export function registerMatrixRoutes(app: App): void {
  app.openapi(catalogueListRoute, async (c) => c.json({ current: await currentEdition(c.var.db), editions: await listEditions(c.var.db) }, 200));

  app.openapi(catalogueRoute, async (c) => {
    const { edition } = c.req.valid('param');
    const e = await getEdition(c.var.db, edition);
    if (!e) throw notFound('catalogue edition', edition, 'edition');
    return c.json({
      edition: e.id, title: e.title, reconstructed: e.reconstructed, resolutions: e.resolutions, sources: await listSources(c.var.db, e.sources),
      references: e.references, sections: e.sections, fields: await fieldsOf(c.var.db, e.id),
    }, 200);
  });

  app.openapi(matrixRoute, async (c) => {
    const { iso3 } = c.req.valid('param');
    const { edition, asOf } = c.req.valid('query');
    await settleApprovals(c.var.db);
    const view = await matrixView(c.var.db, c.var.actor, iso3, { number: edition, asOf });
    const format = wantedMatrixFormat(c);
    if (format !== 'json') return sendMatrixFile(c, format, view);
    return c.json(view, 200);
  });

  app.openapi(diffRoute, async (c) => {
    const { from, to } = c.req.valid('query');
    return c.json(await matrixDiff(c.var.db, c.var.actor, c.req.valid('param').iso3, from, to), 200);
  });

  app.openapi(historyRoute, async (c) => {
    const { edition, field } = c.req.valid('query');
    return c.json(await matrixHistory(c.var.db, c.var.actor, c.req.valid('param').iso3, edition, field), 200);
  });

  app.openapi(startRoute, async (c) => c.json(await startDraft(c.var.db, writeContext(c), c.req.valid('param').iso3), 201));

  app.openapi(saveRoute, async (c) => {
    const { reason, fields } = c.req.valid('json');
    return c.json(await saveEntries(c.var.db, writeContext(c), c.req.valid('param').iso3, fields, reason ?? null), 200);
  });

  app.openapi(acceptRoute, async (c) => c.json(await acceptOpenSource(c.var.db, writeContext(c), c.req.valid('param').iso3, c.req.valid('json').fields), 200));

  app.openapi(transitionRoute, async (c) => {
    const { transition: name, version } = c.req.valid('json');
    return c.json(await transition(c.var.db, writeContext(c), c.req.valid('param').iso3, name, version), 200);
  });

  app.openapi(holdRoute, async (c) => {
    const { kind, reason } = c.req.valid('json');
    return c.json(await hold(c.var.db, writeContext(c), c.req.valid('param').iso3, kind, reason ?? null), 200);
  });

  app.openapi(commentsRoute, async (c) => c.json(await comments(c.var.db, writeContext(c), c.req.valid('param').iso3, c.req.valid('query').edition), 200));

  app.openapi(addCommentRoute, async (c) => {
    const b = c.req.valid('json');
    return c.json({ id: await addComment(c.var.db, writeContext(c), c.req.valid('param').iso3, { field: b.field ?? null, body: b.body, attachmentUrl: b.attachmentUrl ?? null, attachmentTitle: b.attachmentTitle ?? null }) }, 201);
  });

  app.openapi(submissionsRoute, async (c) => c.json({ submissions: await submissions(c.var.db, c.req.valid('param').iso3) }, 200));

  app.openapi(addSubmissionRoute, async (c) => {
    const b = c.req.valid('json');
    return c.json(await addSubmission(c.var.db, writeContext(c), c.req.valid('param').iso3, { kind: b.kind, date: b.date, symbol: b.symbol ?? null, title: b.title ?? null, language: b.language ?? null, url: b.url ?? null }), 201);
  });

  app.openapi(deleteSubmissionRoute, async (c) => {
    const { iso3, id } = c.req.valid('param');
    await removeSubmission(c.var.db, writeContext(c), iso3, id);
    return c.json({ ok: true as const }, 200);
  });

  app.openapi(coverageRoute, async (c) => {
    const { asOf, group, region } = c.req.valid('query');
    return c.json(await coverageAsOf(c.var.db, asOf ?? today(), { group, region }), 200);
  });

  registerMatrixFileRoutes(app);
}
