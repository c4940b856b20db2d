-- Tenants (regional governments) are public reference data; agencies and service points are tenant rows.
create table tenant (
    id uuid primary key,
    region_code text not null unique,
    slug text not null unique,
    name text not null,
    kind text not null check (kind in ('KABUPATEN', 'KOTA', 'PROVINSI')),
    created_at timestamptz not null default now()
);

create table agency (
    tenant_id uuid not null references tenant (id),
    id uuid not null,
    code text not null,
    name text not null,
    kind text not null check (kind in ('REGIONAL', 'CENTRAL', 'PRIVATE', 'VILLAGE')),
    description text,
    created_at timestamptz not null default now(),
    primary key (tenant_id, id),
    unique (tenant_id, code)
);
select gerai_tenant_rls('agency');

create table service_point (
    tenant_id uuid not null references tenant (id),
    id uuid not null,
    code text not null,
    name text not null,
    kind text not null check (kind in ('MPP', 'MALL', 'VILLAGE_OFFICE', 'ONLINE')),
    address text,
    village_code text,
    counters int not null default 0 check (counters >= 0 and counters <= 500),
    created_at timestamptz not null default now(),
    primary key (tenant_id, id),
    unique (tenant_id, code),
    check (kind <> 'VILLAGE_OFFICE' or village_code is not null)
);
select gerai_tenant_rls('service_point');
