/** OpenAPI schemas and route definitions of the 1540 matrix: catalogue, State matrices, cycle, comments, submissions, coverage. */
import { z } from '@hono/zod-openapi';
import { EVIDENCE_KINDS, MARKS, MATRIX_STATUSES, PROVENANCES, SUBMISSION_KINDS } from '../../../core/matrixTypes.js';
import { REGIONAL_GROUPS } from '../../../core/types.js';
import { TRANSITIONS } from '../../../services/matrixWorkflow.js';
import { secured } from '../../policies/registry.js';
import { problemResponses } from '../../problem.js';
import { jsonBody, jsonResponse } from '../openapi.js';
import { fileContent } from '../../formats.js';

const Iso3 = z.string().regex(/^[A-Za-z]{3}$/, 'must be an ISO 3166-1 alpha-3 code').openapi({ param: { name: 'iso3', in: 'path' }, example: 'FRA' });
export const Iso3Param = z.object({ iso3: Iso3 });
const Timestamp = z.string().refine((s) => /^\d{4}-\d{2}-\d{2}/.test(s) && !Number.isNaN(Date.parse(s)), { message: 'must be a date (YYYY-MM-DD) or an ISO timestamp' });

export const FieldSchema = z.object({
  id: z.string(), section: z.string(), table: z.string(), row: z.string(), weapon: z.string(), column: z.string(), label: z.string(),
  refs: z.array(z.string()), instruments: z.array(z.string()), order: z.number().int(),
}).openapi('CatalogueField');

export const EvidenceSchema = z.object({
  kind: z.enum(EVIDENCE_KINDS), document: z.string().trim().min(1, 'name the document').max(500),
  locator: z.string().trim().max(200).nullable().optional(), excerpt: z.string().max(2000).nullable().optional(),
  url: z.string().trim().max(2000).regex(/^https?:\/\//i, 'must be an http(s) URL').nullable().optional(), language: z.string().trim().max(35).nullable().optional(),
}).openapi('Evidence');

export const FieldValueSchema = z.object({
  id: z.string(), mark: z.enum(MARKS).nullable(), evidence: z.array(EvidenceSchema), remarks: z.string().nullable(), provenance: z.enum(PROVENANCES),
  version: z.number().int(), at: z.string().nullable().optional(),
}).openapi('MatrixFieldValue');

const SubmissionSchema = z.object({
  id: z.number().int(), state: z.string(), kind: z.enum(SUBMISSION_KINDS), date: z.string(), symbol: z.string().nullable(), title: z.string().nullable(),
  language: z.string().nullable(), url: z.string().nullable(),
}).openapi('Submission');

const MatrixInfoSchema = z.object({
  id: z.number().int(), number: z.number().int(), edition: z.string(), status: z.enum(MATRIX_STATUSES), version: z.number().int(),
  createdAt: z.string(), sharedAt: z.string().nullable(), agreedAt: z.string().nullable(), submittedAt: z.string().nullable(), approvedAt: z.string().nullable(), publishedAt: z.string().nullable(),
}).openapi('MatrixInfo');

const HoldSchema = z.object({ kind: z.enum(['hold', 'lift']), member: z.number().int(), memberName: z.string().nullable(), reason: z.string().nullable(), at: z.string() });
const ApprovalSchema = z.object({
  state: z.enum(['running', 'held', 'approved']), deadline: z.string().nullable(), remainingMs: z.number(), approvedAt: z.string().nullable(), periodMs: z.number(),
  activeHolds: z.array(z.object({ by: z.number().int(), at: z.string(), reason: z.string().nullable() })), holds: z.array(HoldSchema),
}).openapi('ApprovalClock');

const FactSchema = z.object({ instrument: z.string(), action: z.string(), date: z.string(), effective: z.string().nullable(), depositary: z.string().nullable(), source: z.string() });

export const MatrixViewSchema = z.object({
  iso3: z.string(), edition: z.string(), status: z.enum([...MATRIX_STATUSES, 'none']), asOf: z.string().nullable(),
  matrix: MatrixInfoSchema.nullable(), matrices: z.array(MatrixInfoSchema),
  header: z.object({ state: z.string(), firstReport: SubmissionSchema.nullable(), additional: z.array(SubmissionSchema), actionPlans: z.array(SubmissionSchema), approvedAt: z.string().nullable() }),
  fields: z.array(FieldValueSchema),
  openSource: z.object({ date: z.string(), note: z.string(), fields: z.array(FieldValueSchema.extend({ facts: z.array(FactSchema) })) }),
  approval: ApprovalSchema.nullable(),
}).openapi('StateMatrix');

const CHANGE = z.object({
  field: z.string().max(120), version: z.number().int().min(0).describe('the version read (0 for a field without a revision)'),
  mark: z.enum(MARKS).nullable().optional(), evidence: z.array(EvidenceSchema).max(20).optional(), remarks: z.string().max(4000).nullable().optional(),
});
const SaveResultSchema = z.object({ matrix: z.number().int(), saved: z.array(z.string()), unchanged: z.array(z.string()) }).openapi('MatrixSaveResult');
const Matrix = { 200: jsonResponse('The matrix', MatrixInfoSchema), ...problemResponses };

export const catalogueListRoute = secured('matrix:read', {
  method: 'get', path: '/api/v1/catalogue', tags: ['Matrix'], summary: 'Catalogue editions of the 1540 matrix',
  responses: {
    200: jsonResponse('Editions', z.object({ current: z.string(), editions: z.array(z.object({ id: z.string(), title: z.string(), reconstructed: z.string().nullable(), resolutions: z.array(z.string()), sources: z.array(z.string()), fieldCount: z.number().int(), loadedAt: z.string() })) })),
    ...problemResponses,
  },
});
export const catalogueRoute = secured('matrix:read', {
  method: 'get', path: '/api/v1/catalogue/{edition}', tags: ['Matrix'], summary: 'One catalogue edition: its sections and every field',
  request: { params: z.object({ edition: z.string().max(100).openapi({ param: { name: 'edition', in: 'path' }, example: '2026-reconstructed' }) }) },
  responses: { 200: jsonResponse('The edition', z.object({ edition: z.string(), title: z.string(), reconstructed: z.string().nullable(), resolutions: z.array(z.string()), sources: z.array(z.unknown()), references: z.array(z.unknown()), sections: z.array(z.unknown()), fields: z.array(FieldSchema) })), ...problemResponses },
});
export const matrixRoute = secured('matrix:read', {
  method: 'get', path: '/api/v1/states/{iso3}/matrix', tags: ['Matrix'],
  summary: 'A State\'s matrix: for the public, the latest published matrix and the open-source layer; drafts for the roles that may see them. Also .csv, .xlsx, .pdf',
  request: {
    params: Iso3Param,
    query: z.object({
      edition: z.coerce.number().int().positive().optional().openapi({ param: { name: 'edition', in: 'query' }, description: 'The State\'s matrix number (1, 2, …)' }),
      asOf: Timestamp.optional().openapi({ param: { name: 'asOf', in: 'query' }, description: 'Reconstruct the matrix as it stood at this date or time' }),
    }),
  },
  responses: {
    200: {
      description: 'The matrix (JSON), or as CSV, XLSX laid out like the Committee\'s tables, or PDF',
      content: { 'application/json': { schema: MatrixViewSchema }, ...fileContent, 'application/pdf': { schema: { type: 'string' as const, format: 'binary' } } },
    },
    ...problemResponses,
  },
});
export const diffRoute = secured('matrix:read', {
  method: 'get', path: '/api/v1/states/{iso3}/matrix/diff', tags: ['Matrix'], summary: 'Field-level differences between two matrices or dates: marks, evidence and remarks added, removed, changed',
  request: {
    params: Iso3Param,
    query: z.object({
      from: z.string().max(40).openapi({ param: { name: 'from', in: 'query' }, description: 'a matrix number, a date (YYYY-MM-DD), "current" or "open-source"', example: '1' }),
      to: z.string().max(40).default('current').openapi({ param: { name: 'to', in: 'query' }, example: 'current' }),
    }),
  },
  responses: { 200: jsonResponse('The changes', z.object({ iso3: z.string(), from: z.string(), to: z.string(), changes: z.array(z.object({ field: z.string(), change: z.enum(['added', 'removed', 'changed']), label: z.string(), section: z.string(), weapon: z.string(), column: z.string(), from: z.unknown(), to: z.unknown(), markChanged: z.boolean(), remarksChanged: z.boolean(), evidenceAdded: z.array(z.unknown()), evidenceRemoved: z.array(z.unknown()) })) }).openapi('MatrixDiff')), ...problemResponses },
});
export const historyRoute = secured('matrix:read', {
  method: 'get', path: '/api/v1/states/{iso3}/matrix/history', tags: ['Matrix'], summary: 'Every revision of a matrix (or of one field), oldest first',
  request: {
    params: Iso3Param,
    query: z.object({ edition: z.coerce.number().int().positive().optional().openapi({ param: { name: 'edition', in: 'query' } }), field: z.string().max(120).optional().openapi({ param: { name: 'field', in: 'query' } }) }),
  },
  responses: { 200: jsonResponse('Revisions', z.object({ iso3: z.string(), matrix: MatrixInfoSchema, revisions: z.array(z.object({ field: z.string(), version: z.number().int(), mark: z.string().nullable(), evidence: z.array(z.unknown()), remarks: z.string().nullable(), provenance: z.string(), author: z.number().nullable(), authorName: z.string().nullable(), at: z.string(), reason: z.string().nullable() })) })), ...problemResponses },
});
export const startRoute = secured('matrix:write', {
  method: 'post', path: '/api/v1/states/{iso3}/matrix', tags: ['Matrix'], summary: 'Start a new draft (from the last published matrix)',
  request: { params: Iso3Param }, responses: { 201: jsonResponse('The new draft', MatrixInfoSchema), ...problemResponses },
});
export const saveRoute = secured('matrix:write', {
  method: 'patch', path: '/api/v1/states/{iso3}/matrix/fields', tags: ['Matrix'],
  summary: 'Change fields of the draft, all or nothing; each from the version read (409 with the current values otherwise). X and ? need evidence',
  request: { params: Iso3Param, body: jsonBody(z.object({ reason: z.string().trim().max(500).nullable().optional(), fields: z.array(CHANGE).min(1).max(1000) })) },
  responses: { 200: jsonResponse('Saved', SaveResultSchema), ...problemResponses },
});
export const acceptRoute = secured('matrix:write', {
  method: 'post', path: '/api/v1/states/{iso3}/matrix/accept-open-source', tags: ['Matrix'], summary: 'Copy the open-source layer into the draft (OP1 treaty and regime rows)',
  request: { params: Iso3Param, body: jsonBody(z.object({ fields: z.array(z.string().max(120)).max(200).optional() })) },
  responses: { 200: jsonResponse('Saved', SaveResultSchema), ...problemResponses },
});
export const importRoute = secured('matrix:write', {
  method: 'post', path: '/api/v1/states/{iso3}/matrix/import', tags: ['Matrix'],
  summary: 'Re-import an edited XLSX export of the draft (body: the file, at most 5 MiB); changed cells become revisions, conflicts are reported cell by cell',
  request: {
    params: Iso3Param, query: z.object({ dryRun: z.enum(['true', 'false']).optional().openapi({ param: { name: 'dryRun', in: 'query' } }) }),
    body: { required: true, description: 'The XLSX file exported from this draft, edited', content: { 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { schema: z.string().openapi({ format: 'binary' }) } } },
  },
  responses: { 200: jsonResponse('Imported', z.object({ matrix: z.number().int(), saved: z.array(z.string()), unchanged: z.array(z.string()), dryRun: z.boolean() })), ...problemResponses },
});
export const transitionRoute = secured('matrix:transition', {
  method: 'post', path: '/api/v1/states/{iso3}/matrix/transitions', tags: ['Matrix'],
  summary: 'Move the matrix in its cycle: share, take-back, agree, submit (starts the no-objection period), withdraw, publish',
  request: { params: Iso3Param, body: jsonBody(z.object({ transition: z.enum(TRANSITIONS), version: z.number().int().positive() })) },
  responses: Matrix,
});
export const holdRoute = secured('matrix:hold', {
  method: 'post', path: '/api/v1/states/{iso3}/matrix/holds', tags: ['Matrix'], summary: 'Place a hold (with a reason) or lift your own hold during the no-objection period',
  request: { params: Iso3Param, body: jsonBody(z.object({ kind: z.enum(['hold', 'lift']), reason: z.string().trim().max(2000).nullable().optional() })) },
  responses: { 200: jsonResponse('The approval clock', ApprovalSchema.nullable()), ...problemResponses },
});
const CommentSchema = z.object({ id: z.number().int(), matrixId: z.number().int(), field: z.string().nullable(), author: z.number().nullable(), authorName: z.string().nullable(), authorRole: z.string(), body: z.string(), attachmentUrl: z.string().nullable(), attachmentTitle: z.string().nullable(), at: z.string() }).openapi('MatrixComment');
export const commentsRoute = secured('matrix:read', {
  method: 'get', path: '/api/v1/states/{iso3}/matrix/comments', tags: ['Matrix'], summary: 'Comments on the matrix in the cycle (roles that see drafts)',
  request: { params: Iso3Param, query: z.object({ edition: z.coerce.number().int().positive().optional().openapi({ param: { name: 'edition', in: 'query' } }) }) },
  responses: { 200: jsonResponse('Comments', z.object({ matrix: z.number().int(), number: z.number().int(), comments: z.array(CommentSchema) })), ...problemResponses },
});
export const addCommentRoute = secured('matrix:comment', {
  method: 'post', path: '/api/v1/states/{iso3}/matrix/comments', tags: ['Matrix'], summary: 'Comment on the matrix or one field, with an optional link to further information',
  request: {
    params: Iso3Param,
    body: jsonBody(z.object({
      field: z.string().max(120).nullable().optional(), body: z.string().trim().min(1, 'write a comment').max(4000),
      attachmentUrl: z.string().trim().max(2000).regex(/^https?:\/\//i, 'must be an http(s) URL').nullable().optional(), attachmentTitle: z.string().trim().max(300).nullable().optional(),
    })),
  },
  responses: { 201: jsonResponse('Created', z.object({ id: z.number().int() })), ...problemResponses },
});
export const submissionsRoute = secured('matrix:read', {
  method: 'get', path: '/api/v1/states/{iso3}/submissions', tags: ['Matrix'], summary: 'The register of the State\'s submissions (reports, additional information, action plans)',
  request: { params: Iso3Param }, responses: { 200: jsonResponse('Submissions', z.object({ submissions: z.array(SubmissionSchema) })), ...problemResponses },
});
export const addSubmissionRoute = secured('submissions:write', {
  method: 'post', path: '/api/v1/states/{iso3}/submissions', tags: ['Matrix'], summary: 'Register a submission',
  request: {
    params: Iso3Param,
    body: jsonBody(z.object({
      kind: z.enum(SUBMISSION_KINDS), date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be YYYY-MM-DD'),
      symbol: z.string().trim().max(100).nullable().optional(), title: z.string().trim().max(500).nullable().optional(), language: z.string().trim().max(35).nullable().optional(),
      url: z.string().trim().max(2000).regex(/^https?:\/\//i, 'must be an http(s) URL').nullable().optional(),
    })),
  },
  responses: { 201: jsonResponse('Registered', SubmissionSchema), ...problemResponses },
});
export const deleteSubmissionRoute = secured('submissions:write', {
  method: 'delete', path: '/api/v1/states/{iso3}/submissions/{id}', tags: ['Matrix'], summary: 'Remove a submission from the register',
  request: { params: Iso3Param.extend({ id: z.coerce.number().int().positive().openapi({ param: { name: 'id', in: 'path' } }) }) },
  responses: { 200: jsonResponse('Removed', z.object({ ok: z.literal(true) })), ...problemResponses },
});
export const coverageRoute = secured('matrix:read', {
  method: 'get', path: '/api/v1/coverage', tags: ['Matrix'],
  summary: 'Coverage of the published matrices as of a date: fields with measures per State, the distribution, averages and medians by group and region, fields most often empty. Descriptive; never a ranking',
  request: {
    query: z.object({
      asOf: Timestamp.optional().openapi({ param: { name: 'asOf', in: 'query' } }),
      group: z.enum(REGIONAL_GROUPS).optional().openapi({ param: { name: 'group', in: 'query' } }),
      region: z.string().max(100).optional().openapi({ param: { name: 'region', in: 'query' }, description: 'M49 region name or code' }),
    }),
  },
  responses: { 200: jsonResponse('Coverage', z.object({ asOf: z.string(), edition: z.string(), matricesCounted: z.number().int(), method: z.string(), fieldCount: z.number().int(), states: z.array(z.unknown()), distribution: z.array(z.object({ from: z.number(), to: z.number(), states: z.number() })), overall: z.unknown(), byGroup: z.array(z.unknown()), byRegion: z.array(z.unknown()), mostOftenEmpty: z.array(z.object({ field: z.string(), empty: z.number() })) }).openapi('Coverage')), ...problemResponses },
});
export const bulkRoute = secured('matrix:read', {
  method: 'get', path: '/api/v1/matrices/published', tags: ['Matrix'], summary: 'Every published matrix in bulk, one row per State × field (CSV; .csv or Accept: text/csv; JSON lines with Accept: application/x-ndjson)',
  request: { query: z.object({ latest: z.enum(['true', 'false']).optional().openapi({ param: { name: 'latest', in: 'query' }, description: 'only each State\'s latest published matrix' }) }) },
  responses: { 200: { description: 'CSV or JSON lines', content: { 'text/csv': { schema: { type: 'string' as const } }, 'application/x-ndjson': { schema: { type: 'string' as const } } } }, ...problemResponses },
});
