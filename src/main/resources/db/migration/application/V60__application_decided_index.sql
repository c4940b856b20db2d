-- Completed applications of a tenant in a period: the population of a satisfaction survey (Krejcie & Morgan's
-- minimum sample) is counted from it on every SKM page; without it the count reads every application of the tenant.
create index application_decided_idx on application (tenant_id, decided_at) where status = 'COMPLETED';
