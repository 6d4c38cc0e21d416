-- Accounts, sessions, API tokens and login attempts; the points-of-contact directory (personal data,
-- scoped by State); and the append-only, hash-chained audit log.

create table app_user (
  id bigserial primary key,
  email text not null unique check (email = lower(email)),
  display_name text not null,
  role text not null check (role in ('state_poc', 'expert', 'committee_member', 'provider', 'admin')),
  state char(3) references state (iso3),
  org text,
  password_hash text not null,
  disabled boolean not null default false,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (role <> 'state_poc' or state is not null),
  check (role <> 'provider' or org is not null)
);

-- Browser sessions: only the SHA-256 of the cookie value is stored.
create table user_session (
  id_hash text primary key,
  user_id bigint not null references app_user (id) on delete cascade,
  csrf_token text not null,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null
);
create index user_session_user on user_session (user_id);

-- API tokens for machine clients: shown once, stored as SHA-256.
create table api_token (
  id bigserial primary key,
  user_id bigint not null references app_user (id) on delete cascade,
  name text not null,
  token_hash text not null unique,
  scope text not null check (scope in ('read', 'read-write')),
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  last_used_at timestamptz,
  revoked_at timestamptz
);

-- Failed and successful logins, by e-mail and by client address, for rate limiting and lockout.
create table login_attempt (
  id bigserial primary key,
  key text not null,
  success boolean not null,
  at timestamptz not null default now()
);
create index login_attempt_key_at on login_attempt (key, at);

-- National points of contact for resolution 1540: personal data, published only with consent.
create table contact (
  id bigserial primary key,
  state char(3) not null references state (iso3),
  name text not null,
  title text,
  organisation text,
  email text,
  phone text,
  published boolean not null default false,
  version int not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index contact_state on contact (state);

-- The audit log: one row per write, inserted in the writing transaction. A single sealer then gives each
-- committed row its place in the chain (chain_pos) and its hash, which covers its content and the previous
-- row's hash, so any later change breaks the chain. Rows are never deleted, and never changed except for
-- that one-time sealing (the triggers refuse anything else).
create table audit_event (
  seq bigserial primary key,
  at text not null,
  actor_id bigint,
  actor_role text not null,
  -- how the actor was authenticated: session, token:<id> (an API token), cli, anonymous
  via text not null,
  action text not null,
  entity_type text not null,
  entity_id text,
  state char(3),
  visibility text not null check (visibility in ('public', 'restricted')),
  change jsonb not null,
  request_id text,
  client text,
  chain_pos bigint unique,
  prev_hash text,
  hash text,
  check ((chain_pos is null) = (hash is null) and (hash is null) = (prev_hash is null))
);
create index audit_event_unsealed on audit_event (seq) where hash is null;

create function audit_event_append_only() returns trigger language plpgsql as $$
begin
  -- The one change allowed: sealing an unsealed row, leaving everything else as it was.
  if tg_op = 'UPDATE' and old.hash is null and new.hash is not null
     and (old.seq, old.at, old.actor_id, old.actor_role, old.via, old.action, old.entity_type, old.entity_id, old.state,
          old.visibility, old.change, old.request_id, old.client)
         is not distinct from
         (new.seq, new.at, new.actor_id, new.actor_role, new.via, new.action, new.entity_type, new.entity_id, new.state,
          new.visibility, new.change, new.request_id, new.client) then
    return new;
  end if;
  raise exception 'audit_event is append-only: % is not allowed', tg_op;
end $$;
create trigger audit_event_no_update before update or delete on audit_event
  for each row execute function audit_event_append_only();
create trigger audit_event_no_truncate before truncate on audit_event
  for each statement execute function audit_event_append_only();
