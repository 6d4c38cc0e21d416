/** Serves the built web app (web/dist) with an index.html fallback for client-side routes. */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';
import type { Context } from 'hono';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.json': 'application/json', '.svg': 'image/svg+xml', '.png': 'image/png', '.ico': 'image/x-icon', '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

/** A handler serving files under `root`; unknown paths get index.html so the app can route them. */
export function serveWebApp(root: string) {
  const index = join(root, 'index.html');
  return (c: Context): Response => {
    const path = normalize(decodeURIComponent(new URL(c.req.url).pathname)).replace(/^(\.\.[/\\])+/, '');
    const file = join(root, path);
    if (file.startsWith(root) && existsSync(file) && statSync(file).isFile()) {
      const immutable = path.startsWith('/assets/');
      return new Response(readFileSync(file), {
        headers: { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache' },
      });
    }
    if (!existsSync(index)) {
      return new Response('The web app is not built: run "npm run build" (npm start does it for you).', { status: 503, headers: { 'content-type': 'text/plain; charset=utf-8' } });
    }
    return new Response(readFileSync(index), { headers: { 'content-type': TYPES['.html']!, 'cache-control': 'no-cache' } });
  };
}
