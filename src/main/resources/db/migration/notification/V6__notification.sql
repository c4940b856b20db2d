-- The notification outbox. A module queues a message in the same transaction as the change that causes
-- it, so a message exists if and only if that change committed; the dispatcher delivers it afterwards.
-- tenant_id is null for installation-wide mail (account e-mails: "satu akun" spans tenants), so the
-- primary key cannot include it.
create table notification_outbox (
    id uuid primary key,
    tenant_id uuid,
    channel text not null check (channel in ('EMAIL')),
    recipient text not null check (length(recipient) between 3 and 320),
    subject text not null,
    body text not null,
    status text not null default 'PENDING' check (status in ('PENDING', 'SENT', 'FAILED')),
    attempts int not null default 0 check (attempts >= 0),
    next_attempt_at timestamptz not null default now(),
    -- a short exception class name or code, never the message or the body (it may hold a reset link)
    last_error text check (length(last_error) <= 200),
    created_at timestamptz not null default now(),
    sent_at timestamptz,
    check ((status = 'SENT') = (sent_at is not null))
);
create index notification_outbox_due_idx on notification_outbox (status, next_attempt_at);
create index notification_outbox_recipient_idx on notification_outbox (lower(recipient), created_at desc);
create index notification_outbox_created_idx on notification_outbox (created_at desc);

-- Row-level security, forced on the owner too. gerai_tenant_rls() is not used because of the rows
-- without a tenant: a tenant sees its own rows; installation-wide rows (tenant_id null) are read and
-- changed only in a cross-tenant scope (the dispatcher, the demo mailbox), since null = x is never true.
alter table notification_outbox enable row level security;
alter table notification_outbox force row level security;
create policy tenant_isolation on notification_outbox
    using (tenant_id = nullif(current_setting('gerai.tenant_id', true), '')::uuid
           or current_setting('gerai.cross_tenant', true) = 'on')
    with check (tenant_id = nullif(current_setting('gerai.tenant_id', true), '')::uuid
           or current_setting('gerai.cross_tenant', true) = 'on');
-- Installation-wide mail may be queued from any scope (a password reset has no tenant in context).
-- Policies of one command are OR-ed, so this adds inserting such rows and nothing else: no read back.
create policy installation_mail_insert on notification_outbox for insert
    with check (tenant_id is null);
