-- Accounts are installation-wide ("satu akun"); roles inside a tenant are memberships (tenant rows, RLS).
create table account (
    id uuid primary key,
    kind text not null check (kind in ('CITIZEN', 'STAFF')),
    email text not null,
    phone text,
    full_name text not null,
    nik char(16),
    password_hash text not null,
    platform_roles text[] not null default '{}',
    enabled boolean not null default true,
    consent_at timestamptz,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now()
);
create unique index account_email_uq on account (lower(email));
create unique index account_nik_uq on account (nik) where nik is not null;

create table membership (
    tenant_id uuid not null,
    account_id uuid not null references account (id),
    role text not null check (role in ('PETUGAS_LOKET', 'PETUGAS_INSTANSI', 'ADMIN_INSTANSI', 'PENGELOLA_MPP')),
    agency_id uuid,
    service_point_id uuid,
    created_at timestamptz not null default now(),
    primary key (tenant_id, account_id, role)
);
create index membership_account_idx on membership (account_id);
select gerai_tenant_rls('membership');

create table password_reset (
    token_hash text primary key,
    account_id uuid not null references account (id),
    expires_at timestamptz not null,
    used_at timestamptz,
    created_at timestamptz not null default now()
);
create index password_reset_account_idx on password_reset (account_id);

-- Failed logins per login name (known or not), so guessing is slowed for every name alike.
create table login_throttle (
    login_key text primary key,
    failures int not null,
    first_failure_at timestamptz not null,
    locked_until timestamptz
);
