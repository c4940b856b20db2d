-- Study visits (studi tiru, kunjungan belajar) between two tenants, and the action plans (rencana aksi) a tenant
-- records after a visit, a copied design or a benchmark. See docs/adr/0011-study-visits-and-action-plans.md.

-- One row per visit, owned by the visiting tenant (tenant_id leads its key) and seen by the host as well. Row-level
-- security lets exactly the two parties read it; only the visitor inserts it; either may update it (the service
-- decides which side may take which step); nobody deletes it. A third tenant sees nothing.
create table study_visit (
    tenant_id uuid not null,
    id uuid not null,
    host_tenant_id uuid not null,
    topic text not null check (length(topic) between 5 and 300),
    purpose text check (length(purpose) <= 4000),
    -- the host's published service designs of interest, as [{"serviceId": "...", "name": "..."}] when asked
    designs jsonb not null default '[]',
    proposed_from date not null,
    proposed_to date not null,
    participants int not null check (participants between 1 and 200),
    -- the visitor's contact person: personal data, shown only to the two tenants' MPP managers
    contact_name text not null check (length(contact_name) between 1 and 200),
    contact_email text not null check (length(contact_email) between 3 and 320),
    contact_phone text,
    status text not null check (status in ('REQUESTED', 'ACCEPTED', 'DECLINED', 'CANCELLED', 'HELD')),
    confirmed_date date,
    host_note text check (length(host_note) <= 2000),
    decline_reason text check (length(decline_reason) <= 2000),
    cancelled_by text check (cancelled_by in ('VISITOR', 'HOST')),
    cancel_reason text check (length(cancel_reason) <= 2000),
    learnings text check (length(learnings) <= 8000),
    requested_by uuid not null,
    requested_at timestamptz not null,
    decided_at timestamptz,
    cancelled_at timestamptz,
    held_at timestamptz,
    updated_at timestamptz not null,
    primary key (tenant_id, id),
    check (host_tenant_id <> tenant_id),
    check (proposed_to >= proposed_from),
    check (status not in ('ACCEPTED', 'HELD') or confirmed_date is not null),
    check (status <> 'DECLINED' or decline_reason is not null),
    check (status <> 'CANCELLED' or (cancelled_by is not null and cancel_reason is not null)),
    check (status <> 'HELD' or learnings is not null)
);
create index study_visit_visitor_idx on study_visit (tenant_id, requested_at desc);
create index study_visit_host_idx on study_visit (host_tenant_id, requested_at desc);

alter table study_visit enable row level security;
alter table study_visit force row level security;
create policy visit_parties_read on study_visit for select
    using (tenant_id = nullif(current_setting('gerai.tenant_id', true), '')::uuid
           or host_tenant_id = nullif(current_setting('gerai.tenant_id', true), '')::uuid
           or current_setting('gerai.cross_tenant', true) = 'on');
create policy visit_visitor_inserts on study_visit for insert
    with check (tenant_id = nullif(current_setting('gerai.tenant_id', true), '')::uuid
                or current_setting('gerai.cross_tenant', true) = 'on');
create policy visit_parties_update on study_visit for update
    using (tenant_id = nullif(current_setting('gerai.tenant_id', true), '')::uuid
           or host_tenant_id = nullif(current_setting('gerai.tenant_id', true), '')::uuid
           or current_setting('gerai.cross_tenant', true) = 'on')
    with check (tenant_id = nullif(current_setting('gerai.tenant_id', true), '')::uuid
                or host_tenant_id = nullif(current_setting('gerai.tenant_id', true), '')::uuid
                or current_setting('gerai.cross_tenant', true) = 'on');

-- The update policy lets either party write the row; neither may move it to other parties.
create function study_visit_parties_fixed() returns trigger language plpgsql as $$
begin
    if new.tenant_id <> old.tenant_id or new.host_tenant_id <> old.host_tenant_id or new.id <> old.id then
        raise exception 'the parties of a study visit never change' using errcode = 'check_violation';
    end if;
    return new;
end $$;
create trigger study_visit_parties_fixed before update on study_visit
    for each row execute function study_visit_parties_fixed();

-- What a tenant will change, and why: after one of its own visits, a design it copied, or a benchmark.
create table action_plan (
    tenant_id uuid not null,
    id uuid not null,
    title text not null check (length(title) between 5 and 200),
    source text not null check (source in ('VISIT', 'DESIGN_COPY', 'BENCHMARK')),
    visit_id uuid,
    service_id uuid,
    source_note text check (length(source_note) <= 2000),
    -- the agency that owns the plan; null: the MPP itself
    agency_id uuid,
    created_by uuid not null,
    created_at timestamptz not null,
    updated_at timestamptz not null,
    primary key (tenant_id, id),
    foreign key (tenant_id, visit_id) references study_visit (tenant_id, id),
    check (source <> 'VISIT' or visit_id is not null),
    check (source <> 'DESIGN_COPY' or service_id is not null),
    check (source <> 'BENCHMARK' or source_note is not null)
);
create index action_plan_created_idx on action_plan (tenant_id, created_at desc);
select gerai_tenant_rls('action_plan');

create table action_plan_item (
    tenant_id uuid not null,
    id uuid not null,
    plan_id uuid not null,
    what text not null check (length(what) between 3 and 500),
    agency_id uuid not null,
    -- a person or a role (e.g. "Kepala Bidang Pelayanan"): not shown to the monitor
    responsible text not null check (length(responsible) between 2 and 200),
    target_date date not null,
    status text not null check (status in ('PLANNED', 'IN_PROGRESS', 'DONE', 'DROPPED')),
    done_on date,
    created_at timestamptz not null,
    updated_at timestamptz not null,
    primary key (tenant_id, id),
    foreign key (tenant_id, plan_id) references action_plan (tenant_id, id)
);
create index action_plan_item_plan_idx on action_plan_item (tenant_id, plan_id, target_date);
create index action_plan_item_open_idx on action_plan_item (tenant_id, target_date) where status in ('PLANNED', 'IN_PROGRESS');
select gerai_tenant_rls('action_plan_item');

-- Progress notes, with the status after each, in order.
create table action_plan_progress (
    tenant_id uuid not null,
    id uuid not null,
    item_id uuid not null,
    noted_on date not null,
    note text not null check (length(note) between 1 and 4000),
    status_after text not null check (status_after in ('PLANNED', 'IN_PROGRESS', 'DONE', 'DROPPED')),
    author_id uuid not null,
    created_at timestamptz not null,
    primary key (tenant_id, id),
    foreign key (tenant_id, item_id) references action_plan_item (tenant_id, id)
);
create index action_plan_progress_item_idx on action_plan_progress (tenant_id, item_id, created_at);
select gerai_tenant_rls('action_plan_progress');
