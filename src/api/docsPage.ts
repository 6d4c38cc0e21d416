/** The human-readable API documentation at /api/docs, rendered from the OpenAPI document itself. */

interface Operation { summary?: string; tags?: string[]; parameters?: Array<{ name: string; in: string; required?: boolean; description?: string; schema?: { enum?: string[]; example?: unknown } }>; responses?: Record<string, { description?: string; content?: Record<string, unknown> }> }
interface OpenApiDoc { info: { title: string; version: string; description?: string }; paths: Record<string, Record<string, Operation>> }

const esc = (s: unknown) => String(s ?? '').replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

export const DOCS_CSS = `body{font:16px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#1a1a1a}
code,pre{font-family:ui-monospace,monospace;background:#f3f4f6;padding:.1em .3em;border-radius:3px}
h2{border-bottom:1px solid #ddd;padding-bottom:.3rem;margin-top:2.5rem}.op{margin:1.5rem 0;padding:1rem;border:1px solid #e5e7eb;border-radius:6px}
.method{font-weight:700;color:#0b5cad;margin-right:.5rem}table{border-collapse:collapse;width:100%}td,th{border-bottom:1px solid #eee;padding:.3rem;text-align:left;vertical-align:top}
a{color:#0b5cad}`;

/** Renders the documentation page. */
export function renderDocs(doc: OpenApiDoc): string {
  const byTag = new Map<string, string[]>();
  for (const [path, methods] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(methods)) {
      const params = (op.parameters ?? []).map((p) => `<tr><td><code>${esc(p.name)}</code></td><td>${esc(p.in)}${p.required ? ', required' : ''}</td><td>${esc(p.description)}${p.schema?.enum ? ` One of: ${p.schema.enum.map((e) => `<code>${esc(e)}</code>`).join(', ')}` : ''}</td></tr>`).join('');
      const types = Object.values(op.responses ?? {}).flatMap((r) => Object.keys(r.content ?? {}));
      const example = path.replace('{iso3}', 'FRA').replace('{code}', 'npt');
      const html = `<div class="op"><div><span class="method">${method.toUpperCase()}</span><code>${esc(path)}</code></div>
        <p>${esc(op.summary)}</p>${params ? `<table><tr><th>Parameter</th><th>In</th><th>Description</th></tr>${params}</table>` : ''}
        <p>Formats: ${[...new Set(types)].map((t) => `<code>${esc(t)}</code>`).join(', ')}. Try: <a href="${esc(example)}">${esc(example)}</a></p></div>`;
      const tag = op.tags?.[0] ?? 'Other';
      byTag.set(tag, [...(byTag.get(tag) ?? []), html]);
    }
  }
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${esc(doc.info.title)} — API</title><link rel="stylesheet" href="/api/docs.css"></head><body>
<h1>${esc(doc.info.title)} API <small>${esc(doc.info.version)}</small></h1><p>${esc(doc.info.description)}</p>
<p>Machine-readable description: <a href="/api/openapi.json">/api/openapi.json</a> (OpenAPI 3.1). Every list is also available as CSV or XLSX:
add <code>.csv</code> or <code>.xlsx</code> to its path, or send <code>Accept: text/csv</code>. Errors are <code>application/problem+json</code> (RFC 9457) and name the parameter at fault.</p>
${[...byTag.entries()].map(([tag, ops]) => `<h2>${esc(tag)}</h2>${ops.join('')}`).join('')}
<p><a href="/">Back to open1540</a></p></body></html>`;
}
