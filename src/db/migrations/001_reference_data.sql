-- Reference data shipped with the product (States, instruments, dated participation actions, sources).
-- It is reloaded from data/ at start when the files change; every row names its source.

create table source (
  id text primary key,
  title text not null,
  publisher text,
  url text,
  consulted text,
  note text
);

create table state (
  iso3 char(3) primary key,
  iso2 char(2) not null unique,
  m49 char(3) not null unique,
  un_status text not null check (un_status in ('member', 'observer', 'other')),
  admitted date,
  grp text check (grp in ('african', 'asia-pacific', 'eastern-european', 'grulac', 'weog')),
  group_roles jsonb not null default '[]',
  group_note text,
  region_code text,
  region_name text,
  subregion_code text,
  subregion_name text,
  intermediate_region jsonb,
  names jsonb not null,
  aliases jsonb not null default '[]',
  sources jsonb not null,
  -- every name in every language and every alias, folded (no diacritics, lower case), for search
  search_text text not null,
  check (un_status <> 'member' or admitted is not null)
);
create index state_grp on state (grp);
create index state_region on state (region_code);

create table instrument (
  code text primary key,
  position int not null,
  kind text not null check (kind in ('treaty', 'protocol', 'agreement', 'code-of-conduct', 'regime')),
  parent text references instrument (code) deferrable initially deferred,
  weapons jsonb not null,
  names jsonb not null,
  depositaries jsonb not null,
  opened_for_signature date,
  entry_into_force date,
  sources jsonb not null,
  notes text
);

create table participation_action (
  id bigserial primary key,
  instrument text not null references instrument (code),
  state char(3) not null references state (iso3),
  action text not null check (action in ('signature', 'ratification', 'accession', 'succession', 'acceptance',
    'approval', 'withdrawal', 'revocation', 'subscription', 'in-force', 'admission')),
  date date not null,
  -- '' when the instrument has no depositary (regimes, codes of conduct)
  depositary text not null default '',
  effective date,
  source text not null references source (id),
  note text,
  unique (instrument, state, action, date, depositary),
  check (effective is null or (action = 'withdrawal' and effective >= date))
);
create index participation_action_state on participation_action (state);

-- One row per load of the reference files: what was loaded and what changed.
create table data_release (
  id serial primary key,
  hash text not null,
  loaded_at timestamptz not null default now(),
  origin text not null,
  summary jsonb not null
);
