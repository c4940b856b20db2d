-- The seals move out of audit_record into a table of their own, written once per row by the sealer.
--
-- Sealing used to update each audit row in place: a new version of the whole (wide, jsonb) row, its index
-- entries again, the append-only trigger comparing every recorded column, and later vacuum clearing the old
-- version. About half a millisecond of database CPU per application filed went to it (bench/run submit-http,
-- four rows per filing). A seal is now a narrow insert; audit_record is never updated at all, so the trigger
-- refuses every update, and the application role holds no update privilege on it.
--
-- The sealer's place is kept in audit_seal_mark: the (txid, id) of the last row it sealed. Rows are sealed in
-- (txid, id) order once their txid is below pg_snapshot_xmin, so every row at or before the mark is sealed and
-- every row after it is not.

create table audit_seal (
    record_id bigint      primary key,
    chain     text        not null,
    chain_seq bigint      not null check (chain_seq > 0),
    prev_hash text        not null,
    hash      text        not null,
    sealed_at timestamptz not null default now(),
    constraint audit_seal_chain_uq unique (chain, chain_seq)
);

create table audit_seal_mark (
    only_row  boolean primary key default true check (only_row),
    last_txid xid8    not null,
    last_id   bigint  not null
);

insert into audit_seal (record_id, chain, chain_seq, prev_hash, hash, sealed_at)
select id, chain, chain_seq, prev_hash, hash, sealed_at from audit_record where hash is not null;

insert into audit_seal_mark (last_txid, last_id)
select txid, id from audit_record where hash is not null order by txid desc, id desc limit 1;

-- The sealer's queue is what follows the mark, in sealing order.
create index audit_record_txid_idx on audit_record (txid, id);

drop index audit_record_unsealed_idx;
drop index audit_record_chain_uq;
drop policy audit_record_seal on audit_record;
revoke update on audit_record from ${app_role};
alter table audit_record drop constraint audit_record_seal_complete;
alter table audit_record drop column chain, drop column chain_seq, drop column prev_hash, drop column hash,
    drop column sealed_at;

create or replace function audit_record_append_only() returns trigger language plpgsql as $$
begin
    raise exception '% is append-only: % refused', tg_table_name, tg_op using errcode = 'insufficient_privilege';
end $$;

drop trigger audit_record_append_only on audit_record;
create trigger audit_record_append_only before update or delete on audit_record
    for each row execute function audit_record_append_only();
create trigger audit_seal_append_only before update or delete on audit_seal
    for each row execute function audit_record_append_only();
create trigger audit_seal_no_truncate before truncate on audit_seal
    for each statement execute function audit_record_append_only();

-- A tenant reads its own chain's seals (the listing's "sealed" mark); only the sealer, across tenants, adds them.
alter table audit_seal enable row level security;
alter table audit_seal force row level security;
create policy audit_seal_read on audit_seal for select
    using (chain = current_setting('gerai.tenant_id', true) or current_setting('gerai.cross_tenant', true) = 'on');
create policy audit_seal_write on audit_seal for insert
    with check (current_setting('gerai.cross_tenant', true) = 'on');
revoke update, delete, truncate on audit_seal from ${app_role};
grant select, insert on audit_seal to ${app_role};

alter table audit_seal_mark enable row level security;
alter table audit_seal_mark force row level security;
create policy audit_seal_mark_scope on audit_seal_mark
    using (current_setting('gerai.cross_tenant', true) = 'on')
    with check (current_setting('gerai.cross_tenant', true) = 'on');
revoke delete, truncate on audit_seal_mark from ${app_role};
grant select, insert, update on audit_seal_mark to ${app_role};
