-- The queue at a service point (MPP building, mall counter, village office): counters, walk-in tickets, booked
-- appointments and the call display. Dates are the tenant's dates (its zone, from the calendar module): a ticket
-- number belongs to one service point, one day and one prefix. ADR 0009.

-- A counter (loket) of a service point, e.g. "A1". It serves the agencies and/or services listed; both empty: all.
create table queue_counter (
    tenant_id uuid not null,
    id uuid not null,
    service_point_id uuid not null,
    code text not null check (code ~ '^[A-Z0-9-]{1,10}$'),
    name text not null check (length(name) between 1 and 120),
    agency_ids uuid[] not null default '{}',
    service_ids uuid[] not null default '{}',
    active boolean not null default true,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    primary key (tenant_id, id),
    unique (tenant_id, service_point_id, code)
);
select gerai_tenant_rls('queue_counter');

-- The prefix of an agency's tickets, one letter (or two) per agency and tenant, given on first use.
create table queue_prefix (
    tenant_id uuid not null,
    agency_id uuid not null,
    prefix text not null check (prefix ~ '^[A-Z]{1,2}$'),
    primary key (tenant_id, agency_id),
    unique (tenant_id, prefix)
);
select gerai_tenant_rls('queue_prefix');

-- The last number given per service point, day and prefix. A ticket takes the next one with an upsert in its own
-- transaction: the row lock serialises concurrent kiosks, and a rolled-back ticket rolls its number back too, so
-- numbers have no gaps and never repeat (never max() + 1).
create table queue_number (
    tenant_id uuid not null,
    service_point_id uuid not null,
    day date not null,
    prefix text not null,
    last_no int not null check (last_no > 0),
    primary key (tenant_id, service_point_id, day, prefix)
);
select gerai_tenant_rls('queue_number');

-- Booking settings per service point (defaults apply without a row): opening and closing as minutes after
-- midnight in the tenant's zone (1440 = midnight at the end of the day), slot length and people per slot.
create table queue_point_settings (
    tenant_id uuid not null,
    service_point_id uuid not null,
    opens_min int not null check (opens_min between 0 and 1439),
    closes_min int not null check (closes_min between 1 and 1440),
    slot_minutes int not null check (slot_minutes between 5 and 240),
    slot_capacity int not null check (slot_capacity between 1 and 500),
    updated_at timestamptz not null default now(),
    primary key (tenant_id, service_point_id),
    check (closes_min > opens_min)
);
select gerai_tenant_rls('queue_point_settings');

-- A citizen's booking: a slot on a working day at a service point for a service; the code checks them in at the kiosk.
create table queue_appointment (
    tenant_id uuid not null,
    id uuid not null,
    code text not null check (code ~ '^[0-9A-HJKMNP-TV-Z]{8}$'),
    account_id uuid not null,
    service_point_id uuid not null,
    agency_id uuid not null,
    service_id uuid,
    day date not null,
    slot_min int not null check (slot_min between 0 and 1439),
    slot_at timestamptz not null,
    status text not null check (status in ('BOOKED', 'CANCELLED', 'CHECKED_IN')),
    ticket_id uuid,
    created_at timestamptz not null default now(),
    cancelled_at timestamptz,
    checked_in_at timestamptz,
    primary key (tenant_id, id),
    unique (tenant_id, code)
);
create index queue_appointment_slot_idx on queue_appointment (tenant_id, service_point_id, day, slot_min) where status <> 'CANCELLED';
create index queue_appointment_account_idx on queue_appointment (account_id, day desc);
select gerai_tenant_rls('queue_appointment');

-- A ticket: a number of the day, what it is for, and where it is in the queue. The follow code is the ticket's
-- unguessable public name (the visitor's phone opens /t/{tenant}/q/{code}).
create table queue_ticket (
    tenant_id uuid not null,
    id uuid not null,
    follow_code text not null check (follow_code ~ '^[0-9a-hjkmnp-tv-z]{16}$'),
    service_point_id uuid not null,
    day date not null,
    prefix text not null,
    seq int not null check (seq > 0),
    agency_id uuid not null,
    service_id uuid,
    -- an appointment's ticket: its slot's start; called ahead of walk-ins once it has come
    appointment_id uuid,
    slot_at timestamptz,
    status text not null check (status in ('WAITING', 'CALLED', 'SERVING', 'DONE', 'NO_SHOW')),
    counter_id uuid,
    issued_at timestamptz not null,
    called_at timestamptz,
    last_called_at timestamptz,
    call_count int not null default 0,
    serving_at timestamptz,
    finished_at timestamptz,
    primary key (tenant_id, id),
    unique (tenant_id, service_point_id, day, prefix, seq),
    foreign key (tenant_id, counter_id) references queue_counter (tenant_id, id)
);
create unique index queue_ticket_follow_uq on queue_ticket (tenant_id, follow_code);
create index queue_ticket_waiting_idx on queue_ticket (tenant_id, service_point_id, day, issued_at) where status = 'WAITING';
create index queue_ticket_day_idx on queue_ticket (tenant_id, service_point_id, day, last_called_at desc);
create index queue_ticket_counter_idx on queue_ticket (tenant_id, counter_id) where status in ('CALLED', 'SERVING');
select gerai_tenant_rls('queue_ticket');
