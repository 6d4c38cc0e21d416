-- The 1540 matrix: catalogue editions (loaded from data/matrix), each State's matrices through their review
-- and approval cycle, the append-only revisions of every field, published snapshots, comments, holds and
-- the register of the State's submissions.

-- A catalogue edition as shipped (the whole definition, and its fields one per row for queries).
create table matrix_edition (
  id text primary key,
  title text not null,
  reconstructed text,
  resolutions text[] not null,
  sources text[] not null,
  definition jsonb not null,
  hash text not null,
  loaded_at timestamptz not null default now()
);

create table matrix_field (
  edition text not null references matrix_edition (id) on delete cascade,
  id text not null,
  section text not null,
  tbl text not null,
  row_id text not null,
  weapon text not null,
  col text not null,
  label text not null,
  refs text[] not null,
  instruments text[] not null,
  ord int not null,
  primary key (edition, id)
);

-- A State's matrix for one review cycle (number 1, 2, … per State). Once published it never changes.
create table state_matrix (
  id bigserial primary key,
  state char(3) not null references state (iso3),
  number int not null,
  edition text not null references matrix_edition (id),
  status text not null check (status in ('draft', 'shared', 'agreed', 'in-approval', 'approved', 'published')),
  -- optimistic concurrency on the workflow (transitions, holds)
  version int not null default 1,
  based_on bigint references state_matrix (id),
  created_by bigint references app_user (id),
  created_at timestamptz not null default now(),
  shared_at timestamptz,
  agreed_at timestamptz,
  submitted_at timestamptz,
  approval_period_ms bigint,
  approved_at timestamptz,
  published_at timestamptz,
  -- the header as published (first report, additional information, approval date), frozen with the snapshot
  header jsonb,
  unique (state, number)
);
-- At most one matrix in the cycle per State; published ones accumulate.
create unique index state_matrix_one_open on state_matrix (state) where status <> 'published';
create index state_matrix_published on state_matrix (state, published_at) where status = 'published';

-- Every change to a field is a new revision (append-only); the highest version is the current value.
create table matrix_entry (
  id bigserial primary key,
  matrix_id bigint not null references state_matrix (id),
  field text not null,
  version int not null,
  mark text check (mark in ('X', '?', 'NA')),
  evidence jsonb not null default '[]',
  remarks text,
  provenance text not null check (provenance in ('committee-approved', 'state-asserted', 'open-source', 'draft')),
  author bigint references app_user (id),
  at timestamptz not null default now(),
  reason text,
  unique (matrix_id, field, version)
);

-- The values of a published matrix, frozen at publication (one row per field with a value).
create table matrix_snapshot (
  matrix_id bigint not null references state_matrix (id),
  field text not null,
  mark text,
  evidence jsonb not null,
  remarks text,
  provenance text not null,
  primary key (matrix_id, field)
);

-- Comments on a matrix or one of its fields (the State's point of contact and the experts), with attachments as links.
create table matrix_comment (
  id bigserial primary key,
  matrix_id bigint not null references state_matrix (id),
  field text,
  author bigint references app_user (id),
  author_role text not null,
  body text not null,
  attachment_url text,
  attachment_title text,
  at timestamptz not null default now()
);
create index matrix_comment_matrix on matrix_comment (matrix_id, at);

-- Holds placed and lifted by committee members during the no-objection period.
create table matrix_hold (
  id bigserial primary key,
  matrix_id bigint not null references state_matrix (id),
  kind text not null check (kind in ('hold', 'lift')),
  member bigint not null references app_user (id),
  reason text,
  at timestamptz not null default now()
);
create index matrix_hold_matrix on matrix_hold (matrix_id, at);

-- The register of each State's submissions to the Committee (first report, additional information, action plans).
create table state_submission (
  id bigserial primary key,
  state char(3) not null references state (iso3),
  kind text not null check (kind in ('first-report', 'additional-information', 'action-plan')),
  date date not null,
  symbol text,
  title text,
  language text,
  url text,
  created_by bigint references app_user (id),
  created_at timestamptz not null default now()
);
create index state_submission_state on state_submission (state, date);

-- Revisions, snapshots and holds are never changed or deleted.
create function matrix_append_only() returns trigger language plpgsql as $$
begin
  raise exception '% is append-only: % is not allowed', tg_table_name, tg_op;
end $$;
create trigger matrix_entry_append_only before update or delete on matrix_entry for each row execute function matrix_append_only();
create trigger matrix_snapshot_append_only before update or delete on matrix_snapshot for each row execute function matrix_append_only();
create trigger matrix_hold_append_only before update or delete on matrix_hold for each row execute function matrix_append_only();
