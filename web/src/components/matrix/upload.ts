/** Sends a file to the API as the request body (the session's CSRF token in its header), like `api()` does for JSON. */
import { ApiError, type Problem } from '../../api/client';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function csrfToken(): string | null {
  try { return window.localStorage.getItem('open1540.csrf'); } catch { return null; }
}

export async function upload<T>(path: string, file: Blob, type: string): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json', 'content-type': type };
  const token = csrfToken();
  if (token) headers['x-csrf-token'] = token;
  const res = await fetch(path, { method: 'POST', headers, body: file, cache: 'no-store', credentials: 'same-origin' });
  const text = await res.text();
  const data: unknown = text && /json/.test(res.headers.get('content-type') ?? '') ? JSON.parse(text) : null;
  if (!res.ok) throw new ApiError(res.status, data as Problem | null);
  return data as T;
}
