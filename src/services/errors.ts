/** Errors services raise for the API (and the CLI) to report: a status, a message naming what to fix, and the field at fault. */
export class ServiceError extends Error {
  constructor(readonly status: 400 | 403 | 404 | 409 | 413, message: string, readonly field?: string, readonly details?: Record<string, unknown>) { super(message); }
}
