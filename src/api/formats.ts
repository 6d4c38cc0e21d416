/** Content negotiation: every list is JSON, CSV or XLSX, chosen by a path extension or the Accept header. */
import type { Context } from 'hono';
import { tableToCsv, type Table } from '../reports/table.js';
import { tableToXlsx } from '../reports/xlsx.js';

export const CSV = 'text/csv';
export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const EXTENSIONS: Record<string, string> = { csv: CSV, xlsx: XLSX, json: 'application/json', pdf: 'application/pdf', jsonl: 'application/x-ndjson' };

/** Rewrites `/api/v1/x.csv` to `/api/v1/x` with `Accept: text/csv`, so one route serves every format. */
export function rewriteExtension(req: Request): Request {
  const url = new URL(req.url);
  const m = /^(\/api\/v1\/.+)\.(csv|xlsx|json|pdf|jsonl)$/.exec(url.pathname);
  if (!m) return req;
  url.pathname = m[1]!;
  const headers = new Headers(req.headers);
  headers.set('accept', EXTENSIONS[m[2]!]!);
  return new Request(url, { method: req.method, headers });
}

/** The format the client asked for. */
export function wantedFormat(c: Context): 'json' | 'csv' | 'xlsx' {
  const accept = c.req.header('accept') ?? '';
  if (accept.includes(XLSX)) return 'xlsx';
  if (accept.includes(CSV)) return 'csv';
  return 'json';
}

/** Sends the table as CSV or XLSX with a download file name. */
export async function sendTable(c: Context, format: 'csv' | 'xlsx', table: Table): Promise<Response> {
  const filename = `${table.name}.${format}`;
  const headers = { 'content-disposition': `attachment; filename="${filename}"` };
  if (format === 'csv') {
    return new Response(tableToCsv(table), { headers: { ...headers, 'content-type': `${CSV}; charset=utf-8; header=present` } });
  }
  return new Response(new Uint8Array(await tableToXlsx(table)), { headers: { ...headers, 'content-type': XLSX } });
}

/** OpenAPI description of the CSV and XLSX alternatives of a JSON response. */
export const fileContent = {
  [CSV]: { schema: { type: 'string' as const, description: 'RFC 4180 CSV with header; Source and Licence columns' } },
  [XLSX]: { schema: { type: 'string' as const, format: 'binary', description: 'Workbook with the data and an About sheet' } },
};
