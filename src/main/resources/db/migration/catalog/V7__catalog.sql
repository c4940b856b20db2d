-- Services and their versions. A version's design is one JSON document (ServiceDesign); a published
-- version never changes (trigger below); applications reference (tenant_id, service_id, version).

create table service (
    tenant_id uuid not null,
    id uuid not null,
    agency_id uuid not null,
    slug text not null,
    kind_code text not null,
    -- the published version citizens see now; null until the first publication
    current_version int,
    -- replication lineage: the design this service was copied from (amati, tiru, modifikasi)
    origin_tenant_id uuid,
    origin_service_id uuid,
    origin_version int,
    created_at timestamptz not null default now(),
    primary key (tenant_id, id),
    unique (tenant_id, slug),
    foreign key (tenant_id, agency_id) references agency (tenant_id, id)
);
create index service_kind_idx on service (kind_code, tenant_id);
create index service_origin_idx on service (origin_tenant_id, origin_service_id);
select gerai_tenant_rls('service');

create table service_version (
    tenant_id uuid not null,
    service_id uuid not null,
    version int not null check (version > 0),
    status text not null check (status in ('DRAFT', 'PUBLISHED', 'RETIRED')),
    design jsonb not null,
    change_note text,
    created_by text not null,
    created_at timestamptz not null default now(),
    published_at timestamptz,
    retired_at timestamptz,
    primary key (tenant_id, service_id, version),
    foreign key (tenant_id, service_id) references service (tenant_id, id)
);
-- at most one draft per service at a time
create unique index service_version_one_draft on service_version (tenant_id, service_id) where status = 'DRAFT';
select gerai_tenant_rls('service_version');

-- A published or retired version's design is frozen; only the move PUBLISHED -> RETIRED is allowed.
create function service_version_frozen() returns trigger language plpgsql as $$
begin
    if tg_op = 'DELETE' then
        if old.status <> 'DRAFT' then
            raise exception 'service version %/% is %, it cannot be deleted', old.service_id, old.version, old.status
                using errcode = 'insufficient_privilege';
        end if;
        return old;
    end if;
    if old.status <> 'DRAFT' and (new.design is distinct from old.design
            or new.version is distinct from old.version
            or not (new.status = old.status or (old.status = 'PUBLISHED' and new.status = 'RETIRED'))) then
        raise exception 'service version %/% is %, its design cannot change', old.service_id, old.version, old.status
            using errcode = 'insufficient_privilege';
    end if;
    return new;
end $$;
create trigger service_version_frozen before update or delete on service_version
    for each row execute function service_version_frozen();
