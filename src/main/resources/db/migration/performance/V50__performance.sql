-- Service figures (issue #7, ADR 0007). Events of other modules insert one small append-only row into
-- perf_delta inside the transaction that caused them (no shared row is locked on the hot path); a scheduled
-- folder moves the deltas into the daily and monthly rollups and the open-application counts in one
-- transaction and deletes them. Dashboards, rankings and open data read only the rollups. Every table here
-- holds counts, never a person. Dimensions without a value (an online application has no service point, a
-- kiosk survey no service) use the nil UUID so they can be part of the keys.

-- Element-wise sum of two integer arrays (histograms of working days, IKM element sums); null is "nothing".
create function perf_add(a int[], b int[]) returns int[] language sql immutable parallel safe as $$
    select case when a is null then b when b is null then a
           else (select array_agg(coalesce(x, 0) + coalesce(y, 0) order by i)
                 from unnest(a, b) with ordinality as u(x, y, i)) end
$$;
create aggregate perf_sum(int[]) (sfunc = perf_add, stype = int[], parallel = safe);

-- The one-hot histogram of a processing time: buckets 0..60 working days and 61 for "61 or more".
create function perf_hist(days int) returns int[] language sql immutable strict parallel safe as $$
    select array_agg(case when b = least(greatest(days, 0), 61) then 1 else 0 end order by b)
    from generate_series(0, 61) b
$$;

create table perf_delta (
    tenant_id uuid not null,
    id bigint generated always as identity,
    -- the day in the tenant's zone the figures belong to
    day date not null,
    agency_id uuid not null,
    service_id uuid not null,
    point_id uuid not null,
    -- false for a row that only moves an open application between due times
    fig boolean not null default true,
    received int not null default 0,
    completed int not null default 0,
    rejected int not null default 0,
    withdrawn int not null default 0,
    corrections int not null default 0,
    decided int not null default 0,
    on_time int not null default 0,
    work_days int,
    ch_online int not null default 0,
    ch_mpp int not null default 0,
    ch_mall int not null default 0,
    ch_village int not null default 0,
    ikm_n int not null default 0,
    ikm int[],
    complaints int not null default 0,
    answered int not null default 0,
    answered_on_time int not null default 0,
    -- +1 / -1 open applications due at open_due ('infinity' while waiting for the citizen's correction)
    open_n int not null default 0,
    open_due timestamptz,
    primary key (tenant_id, id)
);
select gerai_tenant_rls('perf_delta');

create table perf_daily (
    tenant_id uuid not null,
    day date not null,
    agency_id uuid not null,
    service_id uuid not null,
    point_id uuid not null,
    received int not null default 0,
    completed int not null default 0,
    rejected int not null default 0,
    withdrawn int not null default 0,
    corrections int not null default 0,
    decided int not null default 0,
    on_time int not null default 0,
    time_hist int[],
    ch_online int not null default 0,
    ch_mpp int not null default 0,
    ch_mall int not null default 0,
    ch_village int not null default 0,
    ikm_n int not null default 0,
    ikm_sum int[],
    complaints int not null default 0,
    answered int not null default 0,
    answered_on_time int not null default 0,
    primary key (tenant_id, day, agency_id, service_id, point_id)
);
select gerai_tenant_rls('perf_daily');

-- The same per month without the service point: what cross-tenant views (monitor, ranking, open data) read.
create table perf_monthly (
    tenant_id uuid not null,
    month date not null,
    agency_id uuid not null,
    service_id uuid not null,
    received int not null default 0,
    completed int not null default 0,
    rejected int not null default 0,
    withdrawn int not null default 0,
    corrections int not null default 0,
    decided int not null default 0,
    on_time int not null default 0,
    time_hist int[],
    ch_online int not null default 0,
    ch_mpp int not null default 0,
    ch_mall int not null default 0,
    ch_village int not null default 0,
    ikm_n int not null default 0,
    ikm_sum int[],
    complaints int not null default 0,
    answered int not null default 0,
    answered_on_time int not null default 0,
    primary key (tenant_id, month, agency_id, service_id)
);
create index perf_monthly_month_idx on perf_monthly (month, service_id);
select gerai_tenant_rls('perf_monthly');

-- Open applications (in process or waiting for a correction) counted per due time: "in progress" is the
-- sum, "overdue" the sum of the rows due before now.
create table perf_open (
    tenant_id uuid not null,
    agency_id uuid not null,
    service_id uuid not null,
    point_id uuid not null,
    due_at timestamptz not null,
    n int not null,
    primary key (tenant_id, agency_id, service_id, point_id, due_at)
);
select gerai_tenant_rls('perf_open');

-- The services that have figures, with what matching across tenants needs (kind code, replication origin)
-- and the name shown, copied from the catalogue when a service is first seen and at every rebuild.
create table perf_service (
    tenant_id uuid not null,
    service_id uuid not null,
    agency_id uuid not null,
    kind_code text not null,
    slug text,
    name text not null,
    name_en text,
    origin_tenant uuid,
    origin_service uuid,
    primary key (tenant_id, service_id)
);
create index perf_service_kind_idx on perf_service (kind_code);
select gerai_tenant_rls('perf_service');
