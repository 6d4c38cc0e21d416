/** A small client-side router: every page has a stable URL /{lang}/{page}/{id}?{filters}. */
import { useEffect, useState } from 'react';

export interface Location { path: string[]; query: URLSearchParams }

function read(): Location {
  return { path: window.location.pathname.split('/').filter(Boolean), query: new URLSearchParams(window.location.search) };
}

const listeners = new Set<() => void>();
window.addEventListener('popstate', () => listeners.forEach((l) => l()));

/** Goes to a URL (pushes history, or replaces it when only a filter changed). */
export function navigate(to: string, opts: { replace?: boolean } = {}): void {
  if (opts.replace) window.history.replaceState(null, '', to); else window.history.pushState(null, '', to);
  if (!opts.replace) window.scrollTo(0, 0);
  listeners.forEach((l) => l());
}

/** The current location; re-renders on navigation and on the back button. */
export function useLocation(): Location {
  const [loc, setLoc] = useState(read);
  useEffect(() => {
    const update = () => setLoc(read());
    listeners.add(update);
    return () => { listeners.delete(update); };
  }, []);
  return loc;
}

/** Builds a query string from the non-empty values. */
export function withQuery(path: string, query: Record<string, string | undefined | null>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v) q.set(k, v);
  const s = q.toString();
  return s ? `${path}?${s}` : path;
}
