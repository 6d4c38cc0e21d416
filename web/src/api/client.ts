/** The web app's only way to data: the open1540 API, typed from its OpenAPI document. */
import { useEffect, useState } from 'react';
import type { components } from './schema';

export type Schemas = components['schemas'];
export type StateSummary = Schemas['StateSummary'];
export type State = Schemas['State'];
export type Instrument = Schemas['Instrument'];
export type InstrumentDetail = Schemas['InstrumentDetail'];
export type Participants = Schemas['Participants'];
export type Participant = Schemas['Participant'];
export type Universality = Schemas['Universality'];
export type StateInstrumentStatus = Schemas['StateInstrumentStatus'];
export type Source = Schemas['Source'];
export type Problem = Schemas['Problem'];
export type Status = Schemas['Status'];
export type User = Schemas['User'];
export type Role = User['role'];
export type ApiToken = Schemas['ApiToken'];
export type Contact = Schemas['Contact'];
export type AuditEvent = Schemas['AuditEvent'];
export const ROLES: readonly Role[] = ['state_poc', 'expert', 'committee_member', 'provider', 'admin'];
export interface StateList { count: number; states: StateSummary[] }
export interface InstrumentList { count: number; instruments: Instrument[] }
export interface StateInstruments { iso3: string; asOf: string; instruments: StateInstrumentStatus[]; sources: Source[] }

export class ApiError extends Error {
  constructor(readonly status: number, readonly problem: Problem | null) { super(problem?.detail ?? `HTTP ${status}`); }
}

/** GETs an API path and returns its JSON; throws ApiError with the problem details on failure. */
export async function getJson<T>(path: string): Promise<T> {
  const res = await fetch(path, { headers: { accept: 'application/json' } });
  if (!res.ok) {
    const problem = res.headers.get('content-type')?.includes('json') ? (await res.json()) as Problem : null;
    throw new ApiError(res.status, problem);
  }
  return (await res.json()) as T;
}

export type Loadable<T> = { state: 'loading' } | { state: 'error'; error: ApiError | Error } | { state: 'ready'; data: T };

/** Loads an API path, re-loading when it changes. */
export function useApi<T>(path: string | null): Loadable<T> {
  const [result, setResult] = useState<Loadable<T>>({ state: 'loading' });
  useEffect(() => {
    if (!path) return;
    let live = true;
    setResult({ state: 'loading' });
    getJson<T>(path).then(
      (data) => { if (live) setResult({ state: 'ready', data }); },
      (error: Error) => { if (live) setResult({ state: 'error', error }); },
    );
    return () => { live = false; };
  }, [path]);
  return result;
}
