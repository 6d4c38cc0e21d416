/**
 * SYNTHETIC benchmark data for the 1540 matrix: for 195 States (the UN members and the two observer States), 10 published matrices each over the full
 * catalogue edition, with marks, evidence and remarks drawn at random (seeded). Every generated value says it
 * is synthetic (remarks and evidence documents), and it is only ever written to a throw-away benchmark
 * database: never to a product database, never by default.
 */
import type { Db } from '../src/db/connection.js';

export const SYNTHETIC = 'SYNTHETIC benchmark data, not a real matrix';

export interface GeneratedData { states: string[]; matrices: number; entries: number; snapshotRows: number; ms: number }

/**
 * Writes the data in bulk, in SQL (a few statements), so that 585,000 fields take seconds rather than minutes.
 * `fill` is the share of fields that get a value in each matrix; marks are X (60 %), ? (15 %), NA (10 %), or a
 * blank with remarks only.
 */
export async function generateMatrices(db: Db, edition: string, opts: { states?: number; editions?: number; fill?: number; seed?: number } = {}): Promise<GeneratedData> {
  const t0 = performance.now();
  const nStates = opts.states ?? 195;
  const nEditions = opts.editions ?? 10;
  const fill = opts.fill ?? 0.7;
  await db.query('select setseed($1)', [opts.seed ?? 0.1540]);
  const states = (await db.query<{ iso3: string }>("select iso3 from state where un_status in ('member', 'observer') order by iso3 limit $1", [nStates])).map((r) => r.iso3);
  await db.transaction(async (tx) => {
    // Editions n = 1..10, published a year apart from 2008; each approved a week before publication.
    await tx.query(
      `insert into state_matrix (state, number, edition, status, created_at, shared_at, agreed_at, submitted_at, approval_period_ms, approved_at, published_at)
       select s, n, $2, 'published', p - interval '60 days', p - interval '45 days', p - interval '20 days', p - interval '12 days', 432000000,
              p - interval '7 days', p
       from unnest($1::text[]) s, generate_series(1, $3::int) n, lateral (select timestamptz '2008-06-01' + (n - 1) * interval '1 year' as p) d`,
      [states, edition, nEditions]);
    await tx.query(
      `insert into matrix_entry (matrix_id, field, version, mark, evidence, remarks, provenance, at, reason)
       select m.id, f.id, 1, v.mark,
              case when v.mark in ('X', '?') then jsonb_build_array(jsonb_build_object('kind', 'national-report', 'document',
                'Synthetic national report ' || m.state || ' ' || m.number, 'locator', 'p. ' || (1 + (random() * 80)::int), 'url', null, 'language', 'en'))
                else '[]'::jsonb end,
              case when v.mark is null or random() < 0.2 then $2 end, 'draft', m.created_at, $2
       from state_matrix m join matrix_field f on f.edition = m.edition,
            lateral (select random() as r) x,
            lateral (select case when x.r < 0.6 then 'X' when x.r < 0.75 then '?' when x.r < 0.85 then 'NA' else null end as mark) v
       where m.edition = $1 and random() < $3`,
      [edition, SYNTHETIC, fill]);
    await tx.query(
      `insert into matrix_snapshot (matrix_id, field, mark, evidence, remarks, provenance)
       select e.matrix_id, e.field, e.mark, e.evidence, e.remarks, 'committee-approved' from matrix_entry e join state_matrix m on m.id = e.matrix_id where m.edition = $1`,
      [edition]);
  });
  await db.exec('analyze state_matrix; analyze matrix_entry; analyze matrix_snapshot');
  const count = async (sql: string) => Number((await db.query<{ n: number }>(sql))[0]!.n);
  return {
    states, matrices: await count('select count(*)::int as n from state_matrix'), entries: await count('select count(*)::int as n from matrix_entry'),
    snapshotRows: await count('select count(*)::int as n from matrix_snapshot'), ms: Math.round(performance.now() - t0),
  };
}
