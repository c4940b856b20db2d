-- Personal API tokens: a person's long random secret for scripts and integrations on /api/**, sent as
-- "Authorization: Bearer gerai_…". Installation-wide like the account it belongs to (no tenant_id, no RLS).
-- Only the SHA-256 of the secret is kept (the check refuses anything else, such as the secret itself), so a
-- database reader cannot use a token. Rows are revoked, never deleted, so lists and audit keep their names.
create table api_token (
    id           uuid primary key,
    account_id   uuid not null references account (id),
    name         text not null check (char_length(name) between 1 and 100),
    token_hash   text not null check (token_hash ~ '^[0-9a-f]{64}$'),
    prefix       text not null check (prefix ~ '^[0-9A-Za-z]{8}$'),
    created_at   timestamptz not null default now(),
    last_used_at timestamptz,
    expires_at   timestamptz not null,
    revoked_at   timestamptz,
    constraint api_token_expires_after_creation check (expires_at > created_at)
);
create unique index api_token_hash_uq on api_token (token_hash);
create index api_token_account_idx on api_token (account_id, created_at desc);
