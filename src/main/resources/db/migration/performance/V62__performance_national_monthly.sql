-- The monthly figures of the whole country (every tenant summed): what the monitor dashboard's national trend reads,
-- 24 rows for two years instead of about 12,300 tenant-month rows with their 62 + 9 array elements.
--
-- Kept by the fold across tenants in the same statement that keeps perf_tenant_monthly, so it always equals
-- perf_tenant_monthly summed over tenants plus what perf_national_delta still holds (FiguresIT). Written by the
-- history generator from the tenant-month rows it replaces and writes.
--
-- No tenant column, so gerai_tenant_rls() does not apply. The rows name no tenant and no person, but they are the sum
-- of every tenant: like the cross-tenant reads of the other rollups they are for code that says it works across
-- tenants (TenantContext.callAcrossTenants, gerai.cross_tenant = 'on'); a connection in one tenant's scope sees and
-- writes none of them.
create table perf_national_monthly (
    month date primary key,
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
    answered_on_time int not null default 0
);
alter table perf_national_monthly enable row level security;
alter table perf_national_monthly force row level security;
create policy across_tenants_only on perf_national_monthly
    using (current_setting('gerai.cross_tenant', true) = 'on')
    with check (current_setting('gerai.cross_tenant', true) = 'on');

-- What a rebuild changes in the national figures, waiting for the next fold across tenants: minus the tenant's old
-- tenant-month rows, plus its new ones. A rebuild runs in one repeatable-read transaction in the tenant's scope;
-- updating the national rows there would fail with a serialization error whenever any tenant's fold touched the same
-- month meanwhile (every few seconds), so it appends here instead, like a transition appends to perf_delta. Rows
-- belong to the rebuilt tenant (its scope writes them); the fold deletes them and adds them to perf_national_monthly.
create table perf_national_delta (
    tenant_id uuid not null,
    id bigint generated always as identity,
    month date not null,
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
    primary key (tenant_id, id)
);
select gerai_tenant_rls('perf_national_delta');

-- Every element negated (null stays null): rows taken out of the national sums are added back negated.
create function perf_negate(a int[]) returns int[] language sql immutable strict parallel safe as $$
    select array_agg(-x order by i) from unnest(a) with ordinality as u(x, i)
$$;

-- the figures already folded (a cross-tenant read and write: the policies are forced on the owner too)
set local gerai.cross_tenant = 'on';
insert into perf_national_monthly (month, received, completed, rejected, withdrawn, corrections, decided, on_time,
    time_hist, ch_online, ch_mpp, ch_mall, ch_village, ikm_n, ikm_sum, complaints, answered, answered_on_time)
select month, sum(received), sum(completed), sum(rejected), sum(withdrawn), sum(corrections), sum(decided),
       sum(on_time), perf_sum(time_hist), sum(ch_online), sum(ch_mpp), sum(ch_mall), sum(ch_village), sum(ikm_n),
       perf_sum(ikm_sum), sum(complaints), sum(answered), sum(answered_on_time)
from perf_tenant_monthly group by month;
