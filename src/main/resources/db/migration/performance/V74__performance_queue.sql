-- Queue figures over time (ADR 0012). The queue module publishes TicketEnded in the transaction that finishes a ticket
-- or marks it a no-show; the listener appends one row to perf_queue_delta there, and the fold that keeps the other
-- figures moves the rows into the daily rollup (per tenant, day, service point and agency: the tenant dashboard) and
-- the monthly one per tenant (the monitor's per-region lines) and deletes them, in the same transaction as the other
-- deltas. Counts and minutes only, never a ticket or a person.

-- The one-hot histogram of a wait: buckets of whole minutes 0..120 and 121 for "more than 120 minutes".
create function perf_wait_hist(minutes int) returns int[] language sql immutable strict parallel safe as $$
    select array_agg(case when b = least(greatest(minutes, 0), 121) then 1 else 0 end order by b)
    from generate_series(0, 121) b
$$;

create table perf_queue_delta (
    tenant_id uuid not null,
    id bigint generated always as identity,
    -- the ticket's day in the tenant's zone
    day date not null,
    point_id uuid not null,
    agency_id uuid not null,
    served int not null default 0,
    no_shows int not null default 0,
    from_appointments int not null default 0,
    -- issue (or slot start) to first call, seconds; null when never called
    wait_s int,
    -- first call to finish, seconds; null for a no-show
    service_s int,
    primary key (tenant_id, id)
);
select gerai_tenant_rls('perf_queue_delta');

create table perf_queue_daily (
    tenant_id uuid not null,
    day date not null,
    point_id uuid not null,
    agency_id uuid not null,
    served int not null default 0,
    no_shows int not null default 0,
    from_appointments int not null default 0,
    -- tickets with a wait, their total wait and its histogram in whole minutes (perf_wait_hist)
    waited int not null default 0,
    wait_s bigint not null default 0,
    wait_hist int[],
    -- served tickets with a service time and its total
    serviced int not null default 0,
    service_s bigint not null default 0,
    primary key (tenant_id, day, point_id, agency_id)
);
select gerai_tenant_rls('perf_queue_daily');

-- The same per tenant and month, every point and agency summed: what the monitor's per-region lines read.
create table perf_queue_monthly (
    tenant_id uuid not null,
    month date not null,
    served int not null default 0,
    no_shows int not null default 0,
    from_appointments int not null default 0,
    waited int not null default 0,
    wait_s bigint not null default 0,
    wait_hist int[],
    serviced int not null default 0,
    service_s bigint not null default 0,
    primary key (tenant_id, month)
);
create index perf_queue_monthly_month_idx on perf_queue_monthly (month);
select gerai_tenant_rls('perf_queue_monthly');
