-- Satisfaction surveys (SKM, PermenPAN-RB 14/2017): invitations after a completed application, the responses
-- (append-only: an answer is never altered), a per-month aggregate kept in the same transaction as each response
-- (every period is whole months, so the IKM of any period is a sum over it), and per period the published result with its follow-up plan.

-- One invitation per completed application, written in the completing transaction.
create table survey_invitation (
    tenant_id uuid not null,
    application_id uuid not null,
    tracking_no text not null,
    service_id uuid not null,
    agency_id uuid not null,
    service_point_id uuid,
    applicant_id uuid not null,
    completed_at timestamptz not null,
    created_at timestamptz not null default now(),
    primary key (tenant_id, application_id)
);
-- the questionnaire link names the tracking number, which is unique across the installation
create index survey_invitation_tracking_idx on survey_invitation (tracking_no);
select gerai_tenant_rls('survey_invitation');

-- One questionnaire as answered. No personal data: the profile is kept as categories (age as a band), the
-- application is named only by its id, and the respondent's account is not recorded.
create table survey_response (
    tenant_id uuid not null,
    id uuid not null,
    channel text not null check (channel in ('APPLICATION', 'KIOSK')),
    application_id uuid,
    service_id uuid,
    agency_id uuid,
    service_point_id uuid,
    answered_on date not null,
    answered_at timestamptz not null default now(),
    u1 smallint not null check (u1 between 1 and 4),
    u2 smallint not null check (u2 between 1 and 4),
    u3 smallint not null check (u3 between 1 and 4),
    u4 smallint not null check (u4 between 1 and 4),
    u5 smallint not null check (u5 between 1 and 4),
    u6 smallint not null check (u6 between 1 and 4),
    u7 smallint not null check (u7 between 1 and 4),
    u8 smallint not null check (u8 between 1 and 4),
    u9 smallint not null check (u9 between 1 and 4),
    sex text not null check (sex in ('L', 'P')),
    age_band text not null check (age_band in ('A_UNDER_20', 'A_20_29', 'A_30_39', 'A_40_49', 'A_50_59', 'A_60_PLUS')),
    education text not null check (education in ('SD', 'SMP', 'SMA', 'DIPLOMA', 'S1', 'S2', 'S3')),
    occupation text not null check (occupation in ('PNS', 'TNI', 'POLRI', 'SWASTA', 'WIRAUSAHA', 'LAINNYA')),
    suggestion text check (length(suggestion) <= 2000),
    -- the officer who opened the kiosk; null for an applicant's own questionnaire
    recorded_by uuid,
    primary key (tenant_id, id),
    check ((channel = 'APPLICATION') = (application_id is not null))
);
-- one response per application: a second submission meets this key
create unique index survey_response_application_uq on survey_response (tenant_id, application_id) where application_id is not null;
-- replay, oldest first
create index survey_response_replay_idx on survey_response (tenant_id, answered_at, id);
select gerai_tenant_rls('survey_response');

-- Answers cannot be altered or withdrawn after submission: the application role holds no UPDATE or DELETE, and a
-- trigger (binding the owner and a superuser too) refuses them.
revoke update, delete, truncate on survey_response from ${app_role};
create function survey_response_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'survey_response is append-only: % refused', tg_op using errcode = 'insufficient_privilege';
end $$;
create trigger survey_response_no_change before update or delete on survey_response
    for each row execute function survey_response_append_only();
create trigger survey_response_no_truncate before truncate on survey_response
    for each statement execute function survey_response_append_only();

-- Per tenant, month (its first day), service, agency and service point: the number of responses and each element's
-- sum. Kept in the transaction that records each response, so a year's IKM with every breakdown reads at most
-- twelve rows per service and point instead of every response. A missing service, agency or point is the nil uuid
-- (a key column cannot be null).
create table survey_monthly (
    tenant_id uuid not null,
    month date not null check (extract(day from month) = 1),
    service_key uuid not null,
    agency_key uuid not null,
    point_key uuid not null,
    n int not null,
    s1 int not null, s2 int not null, s3 int not null, s4 int not null, s5 int not null,
    s6 int not null, s7 int not null, s8 int not null, s9 int not null,
    primary key (tenant_id, month, service_key, agency_key, point_key)
);
select gerai_tenant_rls('survey_monthly');

-- Respondent profile per tenant and month: dimension (sex, age, education, occupation), category, count.
create table survey_monthly_profile (
    tenant_id uuid not null,
    month date not null check (extract(day from month) = 1),
    dimension text not null check (dimension in ('sex', 'age', 'education', 'occupation')),
    category text not null,
    n int not null,
    primary key (tenant_id, month, dimension, category)
);
select gerai_tenant_rls('survey_monthly_profile');

-- A period's result as published by the MPP manager, with the figures as they stood (the period has ended, so
-- they no longer change).
create table survey_publication (
    tenant_id uuid not null,
    period text not null check (period ~ '^[0-9]{4}(-(Q[1-4]|S[12]))?$'),
    published_at timestamptz not null default now(),
    published_by uuid,
    respondents int not null,
    ikm numeric(6, 4),
    converted numeric(5, 2),
    grade char(1),
    primary key (tenant_id, period)
);
select gerai_tenant_rls('survey_publication');

-- The follow-up plan (rencana tindak lanjut): per weak element an action, who owns it and by when.
create table survey_followup (
    tenant_id uuid not null,
    id uuid not null,
    period text not null check (period ~ '^[0-9]{4}(-(Q[1-4]|S[12]))?$'),
    element smallint not null check (element between 1 and 9),
    action text not null check (length(action) between 1 and 1000),
    owner text not null check (length(owner) between 1 and 200),
    target_date date not null,
    created_at timestamptz not null default now(),
    created_by uuid,
    primary key (tenant_id, id)
);
create index survey_followup_period_idx on survey_followup (tenant_id, period, element);
select gerai_tenant_rls('survey_followup');
