/** A database that holds nothing: enough to build the app for its OpenAPI document and route list. */
import type { Db } from './connection.js';

export const OFFLINE_DB: Db = {
  kind: 'pglite',
  query: async () => [],
  exec: async () => {},
  transaction: async <T>(fn: (tx: Db) => Promise<T>) => fn(OFFLINE_DB),
  close: async () => {},
};
