-- Complaints (pengaduan), aspirations (aspirasi) and information requests (permintaan informasi), with the
-- handling flow of SP4N-LAPOR!: received -> verified by the MPP coordinator (3 working days) -> forwarded to an
-- agency -> follow-up (tindak lanjut, 5 working days) -> the reporter replies or rates -> closed (or closed by
-- the system 10 working days after the follow-up). Every step is one transaction writing the complaint row,
-- one complaint_history row (the module's ordered event log, replayed by the performance figures), the audit
-- record and the notifications.

create table complaint (
    tenant_id uuid not null,
    id uuid not null,
    -- same scheme as application tracking numbers (TrackingNumber): nine characters, the last a check character;
    -- unique across tenants so the public tracking page needs no region
    tracking_no text not null check (tracking_no ~ '^[0-9A-HJKMNP-TV-Y]{9}$'),
    -- SHA-256 (hex) of the access code printed on the receipt: the second factor of the public tracking page
    access_code_hash char(64) not null,
    kind text not null check (kind in ('ASPIRASI', 'PENGADUAN', 'INFORMASI')),
    title text not null check (length(title) between 1 and 200),
    body text not null check (length(body) between 1 and 8000),
    incident_date date,
    location text,
    -- what it is about (any of them may be null)
    service_id uuid,
    application_tracking text,
    service_point_id uuid,
    -- the agency it is about or was forwarded to
    agency_id uuid,
    -- rahasia: never on the public list; anonim: the reporter's identity is hidden from the agency
    confidential boolean not null default false,
    anonymous boolean not null default false,
    -- the reporter: an account (citizen) or only a name and a contact
    reporter_id uuid,
    reporter_name text,
    reporter_nik char(16),
    reporter_email text,
    reporter_phone text,
    lang text not null default 'id' check (lang in ('id', 'en')),
    channel text not null default 'WEB' check (channel in ('WEB', 'API', 'LAPOR')),
    lapor_id text,
    status text not null check (status in ('RECEIVED', 'VERIFIED', 'FORWARDED', 'ANSWERED', 'CLOSED', 'POSTPONED',
                                           'NOT_OUR_AUTHORITY', 'ARCHIVED')),
    -- the reason given with the last decision of the coordinator (postpone, archive, not our authority)
    status_reason text,
    filed_at timestamptz not null,
    verified_at timestamptz,
    forwarded_at timestamptz,
    answered_at timestamptz,
    closed_at timestamptz,
    -- when the current step must be done: verification, follow-up, or (ANSWERED) the automatic closing
    due_at timestamptz,
    escalated_at timestamptz,
    rating int check (rating between 1 and 5),
    satisfied boolean,
    closed_by text check (closed_by in ('REPORTER', 'SYSTEM', 'COORDINATOR')),
    updated_at timestamptz not null default now(),
    lock_version int not null default 0,
    primary key (tenant_id, id),
    check (reporter_email is not null or reporter_phone is not null or reporter_id is not null or channel = 'LAPOR')
);
create unique index complaint_tracking_uq on complaint (tracking_no);
create unique index complaint_lapor_uq on complaint (tenant_id, lapor_id) where lapor_id is not null;
create index complaint_status_idx on complaint (tenant_id, status, due_at);
create index complaint_agency_idx on complaint (tenant_id, agency_id, status);
create index complaint_reporter_idx on complaint (reporter_id, filed_at desc);
create index complaint_due_idx on complaint (due_at) where status in ('RECEIVED', 'VERIFIED', 'FORWARDED', 'ANSWERED');
create index complaint_public_idx on complaint (tenant_id, filed_at desc)
    where not confidential and status in ('FORWARDED', 'ANSWERED', 'CLOSED');
select gerai_tenant_rls('complaint');

-- What was written on a complaint after filing: the agency's follow-ups, the reporter's replies, the coordinator's
-- notes to the reporter. Shown in order on the tracking page; follow-ups of public complaints on the public list.
create table complaint_message (
    tenant_id uuid not null,
    id uuid not null,
    complaint_id uuid not null,
    author text not null check (author in ('REPORTER', 'AGENCY', 'COORDINATOR')),
    author_id uuid,
    agency_id uuid,
    body text not null check (length(body) between 1 and 8000),
    created_at timestamptz not null default now(),
    primary key (tenant_id, id),
    foreign key (tenant_id, complaint_id) references complaint (tenant_id, id) on delete cascade
);
create index complaint_message_idx on complaint_message (tenant_id, complaint_id, created_at);
select gerai_tenant_rls('complaint_message');

-- Files attached by the reporter (at filing or with a reply) or by the agency with its follow-up; the bytes are in
-- the blob store under their SHA-256.
create table complaint_attachment (
    tenant_id uuid not null,
    complaint_id uuid not null,
    seq int not null,
    message_id uuid,
    author text not null check (author in ('REPORTER', 'AGENCY', 'COORDINATOR')),
    sha256 char(64) not null,
    size_bytes bigint not null check (size_bytes > 0),
    content_type text not null,
    file_name text not null,
    created_at timestamptz not null default now(),
    primary key (tenant_id, complaint_id, seq),
    foreign key (tenant_id, complaint_id) references complaint (tenant_id, id) on delete cascade
);
select gerai_tenant_rls('complaint_attachment');

-- The ordered event log of complaints: one row per step, never changed.
create table complaint_history (
    tenant_id uuid not null,
    id bigint generated always as identity,
    complaint_id uuid not null,
    at timestamptz not null default now(),
    action text not null,
    actor_id uuid,
    actor_role text,
    status_after text not null,
    -- the agency in charge after the step (for the figures of follow-ups)
    agency_id uuid,
    detail jsonb,
    primary key (tenant_id, id),
    foreign key (tenant_id, complaint_id) references complaint (tenant_id, id) on delete cascade
);
create index complaint_history_idx on complaint_history (tenant_id, complaint_id, id);
create index complaint_history_answered_idx on complaint_history (tenant_id, at) where action = 'ANSWERED';
select gerai_tenant_rls('complaint_history');

create function complaint_history_frozen() returns trigger language plpgsql as $$
begin
    raise exception 'complaint history is append-only' using errcode = 'insufficient_privilege';
end $$;
create trigger complaint_history_frozen before update on complaint_history
    for each row execute function complaint_history_frozen();
