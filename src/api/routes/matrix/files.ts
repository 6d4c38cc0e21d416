/** The matrix as files: a State's matrix as CSV, XLSX (like the Committee's tables) or PDF; the XLSX re-import; the bulk export. */
import type { Context } from 'hono';
import { stream } from 'hono/streaming';
import type { ReadDb } from '../../../db/connection.js';
import { getEdition } from '../../../db/repositories/catalogue.js';
import { publishedRows } from '../../../db/repositories/matrix.js';
import { referenceSnapshot } from '../../../services/referenceSnapshot.js';
import { fieldsOf, type MatrixView } from '../../../services/matrix.js';
import { importMatrixXlsx } from '../../../services/matrixImport.js';
import type { CatalogueField, EntryValue } from '../../../core/matrixTypes.js';
import { bulkCsvHeader, bulkCsvRow, matrixToCsv } from '../../../reports/matrixCsv.js';
import type { MatrixFileInput } from '../../../reports/matrixFile.js';
import { matrixToPdf } from '../../../reports/matrixPdf.js';
import { matrixToXlsx } from '../../../reports/matrixXlsx.js';
import type { App, AppEnv } from '../../env.js';
import { CSV, XLSX } from '../../formats.js';
import { HttpProblem } from '../../problem.js';
import { writeContext } from '../../writeContext.js';
import { bulkRoute, importRoute } from './schema.js';

export const PDF = 'application/pdf';
const NDJSON = 'application/x-ndjson';

export function wantedMatrixFormat(c: Context): 'json' | 'csv' | 'xlsx' | 'pdf' {
  const accept = c.req.header('accept') ?? '';
  if (accept.includes(PDF)) return 'pdf';
  if (accept.includes(XLSX)) return 'xlsx';
  if (accept.includes(CSV)) return 'csv';
  return 'json';
}

/** What every file format is made from. */
export async function fileInput(db: ReadDb, view: MatrixView, url: string): Promise<MatrixFileInput> {
  const [snap, edition, fields] = await Promise.all([referenceSnapshot(db), getEdition(db, view.edition), fieldsOf(db, view.edition)]);
  const h = view.header;
  return {
    iso3: view.iso3, stateName: snap.statesByIso3.get(view.iso3)?.names.en.short ?? view.iso3, edition: view.edition, editionTitle: edition?.title ?? view.edition,
    reconstructed: edition?.reconstructed ?? null, matrixNumber: view.matrix?.number ?? null, status: view.status,
    fields, sections: edition?.sections ?? [],
    values: new Map(view.fields.map((f) => [f.id, f])),
    openSource: new Map<string, EntryValue>(view.openSource.fields.map((f) => [f.id, f])),
    header: { firstReport: h.firstReport?.date ?? null, additional: h.additional.map((s) => s.date), approvedAt: h.approvedAt },
    generatedAt: new Date().toISOString(), url,
  };
}

export async function sendMatrixFile(c: Context<AppEnv>, format: 'csv' | 'xlsx' | 'pdf', view: MatrixView): Promise<Response> {
  const input = await fileInput(c.var.db, view, c.req.url);
  const name = `open1540-matrix-${view.iso3}${view.matrix ? `-${view.matrix.number}-${view.status}` : ''}`;
  const headers = (type: string) => ({ 'content-type': type, 'content-disposition': `attachment; filename="${name}.${format}"` });
  if (format === 'csv') return new Response(matrixToCsv(input), { headers: headers(`${CSV}; charset=utf-8; header=present`) });
  if (format === 'xlsx') return new Response(new Uint8Array(await matrixToXlsx(input)), { headers: headers(XLSX) });
  return new Response(new Uint8Array(await matrixToPdf(input)), { headers: headers(PDF) });
}

export function registerMatrixFileRoutes(app: App): void {
  app.openapi(importRoute, async (c) => {
    const body = new Uint8Array(await c.req.arrayBuffer());
    if (!body.length) throw new HttpProblem(400, 'Invalid request', 'send the XLSX file as the request body');
    const dryRun = c.req.valid('query').dryRun === 'true';
    return c.json(await importMatrixXlsx(c.var.db, writeContext(c), c.req.valid('param').iso3, body, { dryRun }), 200);
  });

  app.openapi(bulkRoute, async (c) => {
    const latest = c.req.valid('query').latest === 'true';
    const ndjson = (c.req.header('accept') ?? '').includes(NDJSON);
    const db = c.var.db;
    const edition = new Map<string, Map<string, CatalogueField>>();
    c.header('content-type', ndjson ? NDJSON : `${CSV}; charset=utf-8; header=present`);
    c.header('content-disposition', `attachment; filename="open1540-published-matrices${latest ? '-latest' : ''}.${ndjson ? 'jsonl' : 'csv'}"`);
    return stream(c, async (s) => {
      if (!ndjson) await s.write(bulkCsvHeader());
      let chunk = '';
      for await (const r of publishedRows(db, { latestOnly: latest })) {
        if (!edition.has(r.edition)) edition.set(r.edition, new Map((await fieldsOf(db, r.edition)).map((f) => [f.id, f])));
        const field = edition.get(r.edition)!.get(r.field);
        chunk += ndjson ? `${JSON.stringify({ state: r.state, number: r.number, edition: r.edition, publishedAt: r.publishedAt, approvedAt: r.approvedAt, field: r.field, ...r.value })}\n`
          : bulkCsvRow({ state: r.state, number: r.number, edition: r.edition, publishedAt: r.publishedAt, approvedAt: r.approvedAt, field, fieldId: r.field, value: r.value });
        if (chunk.length > 1 << 16) { await s.write(chunk); chunk = ''; }
      }
      if (chunk) await s.write(chunk);
    });
  });
}
