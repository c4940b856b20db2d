-- The monthly figures of a whole tenant (every agency and service summed): what the monitor dashboard reads, so
-- its per-tenant lines and its national trend sum one row per tenant and month instead of every service's row.
-- Kept by the same fold statement that keeps perf_monthly (and so by a rebuild), and written by the history
-- generator from perf_monthly: it always equals perf_monthly summed over agency_id and service_id (FiguresIT).
create table perf_tenant_monthly (
    tenant_id uuid not null,
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
    primary key (tenant_id, month)
);
create index perf_tenant_monthly_month_idx on perf_tenant_monthly (month);
select gerai_tenant_rls('perf_tenant_monthly');

-- the figures already folded (a cross-tenant read: the policies are forced on the owner too)
set local gerai.cross_tenant = 'on';
insert into perf_tenant_monthly (tenant_id, month, received, completed, rejected, withdrawn, corrections, decided, on_time,
    time_hist, ch_online, ch_mpp, ch_mall, ch_village, ikm_n, ikm_sum, complaints, answered, answered_on_time)
select tenant_id, month, sum(received), sum(completed), sum(rejected), sum(withdrawn), sum(corrections), sum(decided),
       sum(on_time), perf_sum(time_hist), sum(ch_online), sum(ch_mpp), sum(ch_mall), sum(ch_village), sum(ikm_n),
       perf_sum(ikm_sum), sum(complaints), sum(answered), sum(answered_on_time)
from perf_monthly group by tenant_id, month;

