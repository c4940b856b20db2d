-- The audit log: an append-only, hash-chained record of every change.
--
-- Writers only INSERT (no lock, no read of a chain head), so recording never serializes transactions.
-- A sealer (AuditSealer) later assigns each row its place in a chain, one chain per tenant plus
-- 'platform' for installation-wide events, in blocks: rows whose transaction ids lie below the oldest
-- running transaction (pg_snapshot_xmin) can no longer be joined by an earlier row, so they are sealed in
-- (txid, id) order with chain_seq = last_seq + 1, ..., prev_hash and hash = sha256(prev_hash|seq|canonical).
--
-- The id is not a tenant key: installation-wide events have no tenant, and the log is never distributed.

create table audit_record (
    id          bigint generated always as identity primary key,
    tenant_id   uuid,
    actor       text        not null,
    action      text        not null,
    entity_type text        not null,
    entity_id   text,
    before_data jsonb,
    after_data  jsonb,
    occurred_at timestamptz not null default now(),
    txid        xid8        not null default pg_current_xact_id(),
    -- the seal, written once by the sealer
    chain       text,
    chain_seq   bigint,
    prev_hash   text,
    hash        text,
    sealed_at   timestamptz,
    constraint audit_record_seal_complete check (
        (chain is null and chain_seq is null and prev_hash is null and hash is null and sealed_at is null)
        or (chain is not null and chain_seq is not null and prev_hash is not null and hash is not null and sealed_at is not null))
);

-- Listing: newest first, per tenant (the across-tenant listing uses the primary key backwards).
create index audit_record_tenant_idx on audit_record (tenant_id, id desc);
-- The sealer's work queue: small, because rows leave it about a second after they commit.
create index audit_record_unsealed_idx on audit_record (txid, id) where hash is null;
-- One row per place in a chain; verification walks a chain along it.
create unique index audit_record_chain_uq on audit_record (chain, chain_seq) where chain is not null;

-- Row-level security: a tenant sees its own rows; installation-wide rows (tenant_id null) only code that
-- works across tenants. Any scope may add an installation-wide row (an account created on a tenant's
-- page), but never a row of another tenant. Only the sealer, across tenants, updates (the seal columns).
alter table audit_record enable row level security;
alter table audit_record force row level security;
create policy audit_record_read on audit_record for select
    using (tenant_id = nullif(current_setting('gerai.tenant_id', true), '')::uuid
           or current_setting('gerai.cross_tenant', true) = 'on');
create policy audit_record_write on audit_record for insert
    with check (tenant_id is null
                or tenant_id = nullif(current_setting('gerai.tenant_id', true), '')::uuid
                or current_setting('gerai.cross_tenant', true) = 'on');
create policy audit_record_seal on audit_record for update
    using (current_setting('gerai.cross_tenant', true) = 'on')
    with check (current_setting('gerai.cross_tenant', true) = 'on');

-- Append-only, twice: the application role may not update or delete at all except the seal columns,
-- and a trigger (which binds the owner too) rejects deletes, changes to the recorded columns, and any
-- change to a seal once it is set.
revoke update, delete, truncate on audit_record from ${app_role};
grant select, insert on audit_record to ${app_role};
grant update (chain, chain_seq, prev_hash, hash, sealed_at) on audit_record to ${app_role};

create function audit_record_append_only() returns trigger language plpgsql as $$
begin
    if tg_op <> 'UPDATE' then
        raise exception 'audit_record is append-only: % refused', tg_op using errcode = 'insufficient_privilege';
    end if;
    if (new.id, new.tenant_id, new.actor, new.action, new.entity_type, new.entity_id, new.before_data,
        new.after_data, new.occurred_at, new.txid)
       is distinct from
       (old.id, old.tenant_id, old.actor, old.action, old.entity_type, old.entity_id, old.before_data,
        old.after_data, old.occurred_at, old.txid) then
        raise exception 'audit_record % is append-only: recorded columns cannot change', old.id
            using errcode = 'insufficient_privilege';
    end if;
    if old.hash is not null
       and (new.chain, new.chain_seq, new.prev_hash, new.hash, new.sealed_at)
           is distinct from (old.chain, old.chain_seq, old.prev_hash, old.hash, old.sealed_at) then
        raise exception 'audit_record % is sealed: its seal cannot change', old.id
            using errcode = 'insufficient_privilege';
    end if;
    return new;
end $$;

create trigger audit_record_append_only before update or delete on audit_record
    for each row execute function audit_record_append_only();
create trigger audit_record_no_truncate before truncate on audit_record
    for each statement execute function audit_record_append_only();

-- The head of each chain: where the sealer continues, and what verification expects at the end.
create table audit_chain (
    chain     text primary key,
    last_seq  bigint not null check (last_seq > 0),
    last_hash text   not null
);
alter table audit_chain enable row level security;
alter table audit_chain force row level security;
create policy audit_chain_scope on audit_chain
    using (chain = current_setting('gerai.tenant_id', true) or current_setting('gerai.cross_tenant', true) = 'on')
    with check (current_setting('gerai.cross_tenant', true) = 'on');
revoke delete, truncate on audit_chain from ${app_role};
