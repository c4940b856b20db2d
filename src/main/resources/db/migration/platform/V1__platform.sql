-- Platform foundation: privileges for the application role, the row-level security helper every
-- tenant table uses, HTTP sessions (nodes are stateless) and the Modulith event publication log.

alter default privileges in schema public grant select, insert, update, delete on tables to ${app_role};
alter default privileges in schema public grant usage, select on sequences to ${app_role};
grant usage on schema public to ${app_role};

-- Turns on row-level security for a tenant table. FORCE makes it bind the tables' owner too, so the
-- wall stands even where one role both migrates and serves. A connection sees the rows of the tenant
-- in gerai.tenant_id, or of all tenants when gerai.cross_tenant is on (set only by code that says so).
create function gerai_tenant_rls(tbl regclass) returns void language plpgsql as $$
begin
    execute format('alter table %s enable row level security', tbl);
    execute format('alter table %s force row level security', tbl);
    execute format($p$create policy tenant_isolation on %s
        using (tenant_id = nullif(current_setting('gerai.tenant_id', true), '')::uuid
               or current_setting('gerai.cross_tenant', true) = 'on')
        with check (tenant_id = nullif(current_setting('gerai.tenant_id', true), '')::uuid
               or current_setting('gerai.cross_tenant', true) = 'on')$p$, tbl);
end $$;

create table spring_session (
    primary_id char(36) not null,
    session_id char(36) not null,
    creation_time bigint not null,
    last_access_time bigint not null,
    max_inactive_interval int not null,
    expiry_time bigint not null,
    principal_name varchar(100),
    constraint spring_session_pk primary key (primary_id)
);
create unique index spring_session_ix1 on spring_session (session_id);
create index spring_session_ix2 on spring_session (expiry_time);
create index spring_session_ix3 on spring_session (principal_name);

create table spring_session_attributes (
    session_primary_id char(36) not null,
    attribute_name varchar(200) not null,
    attribute_bytes bytea not null,
    constraint spring_session_attributes_pk primary key (session_primary_id, attribute_name),
    constraint spring_session_attributes_fk foreign key (session_primary_id) references spring_session (primary_id) on delete cascade
);

create table event_publication (
    id uuid not null primary key,
    listener_id text not null,
    event_type text not null,
    serialized_event text not null,
    publication_date timestamptz not null,
    completion_date timestamptz,
    status text,
    completion_attempts int,
    last_resubmission_date timestamptz
);
create index event_publication_serialized_event_hash_idx on event_publication using hash (serialized_event);
create index event_publication_by_completion_date_idx on event_publication (completion_date);
