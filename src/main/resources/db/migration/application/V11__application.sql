-- Applications (permohonan): a citizen's request under one published service version, moving through
-- that version's procedure. Every transition is one transaction writing the application row, its task
-- rows, one application_history row (the module's ordered event log, read by later consumers such as
-- the performance rollups), the audit record and, for changes the citizen sees, the notification outbox.

create table application (
    tenant_id uuid not null,
    id uuid not null,
    -- nine characters of Crockford's base 32 without Z, the last a check character (TrackingNumber);
    -- unique across all tenants so the public status check needs no region
    tracking_no text not null check (tracking_no ~ '^[0-9A-HJKMNP-TV-Y]{9}$'),
    -- the second factor of the public status check, printed on the receipt
    access_code text not null,
    service_id uuid not null,
    service_version int not null,
    agency_id uuid not null,
    applicant_id uuid not null,
    applicant_name text not null,
    applicant_nik char(16) not null,
    applicant_email text,
    applicant_phone text,
    -- language of notifications to the applicant
    lang text not null default 'id' check (lang in ('id', 'en')),
    channel text not null check (channel in ('ONLINE', 'MPP_COUNTER', 'MALL_COUNTER', 'VILLAGE_OFFICE')),
    service_point_id uuid,
    -- the officer who filed it at a counter; null when the citizen filed online
    filed_by uuid,
    status text not null check (status in ('DRAFT', 'IN_PROCESS', 'CORRECTION', 'COMPLETED', 'REJECTED', 'WITHDRAWN')),
    -- index of the current stage (consecutive steps sharing a parallel group form one stage)
    stage int not null default 0,
    form_data jsonb not null default '{}',
    -- what the citizen must fix while status = CORRECTION: {step, fields[], documents[], message}
    correction jsonb,
    decision_reason text,
    idempotency_key text,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    submitted_at timestamptz,
    due_at timestamptz,
    paused_at timestamptz,
    decided_at timestamptz,
    lock_version int not null default 0,
    primary key (tenant_id, id),
    foreign key (tenant_id, service_id, service_version) references service_version (tenant_id, service_id, version),
    check ((status = 'DRAFT') = (submitted_at is null)),
    check ((status = 'CORRECTION') = (paused_at is not null))
);
create unique index application_tracking_uq on application (tracking_no);
create unique index application_idempotency_uq on application (tenant_id, applicant_id, idempotency_key)
    where idempotency_key is not null;
create index application_applicant_idx on application (applicant_id, created_at desc);
create index application_nik_idx on application (tenant_id, applicant_nik);
create index application_open_idx on application (tenant_id, due_at) where status in ('IN_PROCESS', 'CORRECTION');
select gerai_tenant_rls('application');

-- One uploaded document per required-document code; a new upload replaces the old one (the history keeps
-- the replaced file's hash). The file itself is in the blob store under its SHA-256.
create table application_document (
    tenant_id uuid not null,
    application_id uuid not null,
    code text not null,
    sha256 char(64) not null,
    size_bytes bigint not null check (size_bytes > 0),
    content_type text not null,
    file_name text not null,
    uploaded_by uuid,
    uploaded_at timestamptz not null default now(),
    primary key (tenant_id, application_id, code),
    foreign key (tenant_id, application_id) references application (tenant_id, id) on delete cascade
);
select gerai_tenant_rls('application_document');

-- A step of the procedure waiting for (or done by) a role of an agency.
create table application_task (
    tenant_id uuid not null,
    id uuid not null,
    application_id uuid not null,
    stage int not null,
    step_code text not null,
    role text not null,
    agency_id uuid not null,
    -- copied from the application so inbox filters need no join
    service_id uuid not null,
    channel text not null,
    status text not null check (status in ('OPEN', 'CLAIMED', 'DONE', 'CANCELLED')),
    claimed_by uuid,
    claimed_at timestamptz,
    outcome text check (outcome in ('APPROVE', 'CORRECTION', 'REJECT')),
    decided_by uuid,
    decided_at timestamptz,
    created_at timestamptz not null default now(),
    due_at timestamptz not null,
    reminded_at timestamptz,
    escalated_at timestamptz,
    primary key (tenant_id, id),
    foreign key (tenant_id, application_id) references application (tenant_id, id) on delete cascade,
    check (status <> 'CLAIMED' or claimed_by is not null),
    check ((status = 'DONE') = (outcome is not null))
);
create index application_task_inbox_idx on application_task (tenant_id, agency_id, role, due_at)
    where status in ('OPEN', 'CLAIMED');
create index application_task_app_idx on application_task (tenant_id, application_id);
create index application_task_due_idx on application_task (due_at) where status in ('OPEN', 'CLAIMED');
select gerai_tenant_rls('application_task');

-- The ordered event log of applications: one row per transition, never changed.
create table application_history (
    tenant_id uuid not null,
    id bigint generated always as identity,
    application_id uuid not null,
    at timestamptz not null default now(),
    action text not null,
    step_code text,
    -- the person who acted (null for the system) and in which role
    actor_id uuid,
    actor_role text,
    status_after text not null,
    detail jsonb,
    primary key (tenant_id, id),
    foreign key (tenant_id, application_id) references application (tenant_id, id) on delete cascade
);
create index application_history_app_idx on application_history (tenant_id, application_id, id);
select gerai_tenant_rls('application_history');

create function application_history_frozen() returns trigger language plpgsql as $$
begin
    raise exception 'application history is append-only' using errcode = 'insufficient_privilege';
end $$;
create trigger application_history_frozen before update on application_history
    for each row execute function application_history_frozen();

-- Notes staff write for each other; never shown to the citizen.
create table application_note (
    tenant_id uuid not null,
    id uuid not null,
    application_id uuid not null,
    author_id uuid not null,
    author_name text not null,
    body text not null check (length(body) between 1 and 4000),
    created_at timestamptz not null default now(),
    primary key (tenant_id, id),
    foreign key (tenant_id, application_id) references application (tenant_id, id) on delete cascade
);
create index application_note_app_idx on application_note (tenant_id, application_id, created_at);
select gerai_tenant_rls('application_note');
