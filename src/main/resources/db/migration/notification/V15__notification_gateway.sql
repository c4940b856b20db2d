-- Text messages (SMS/WhatsApp) through an HTTP gateway share the outbox with e-mail: same claiming,
-- retries and row-level security (the policies of V6 stay as they are).
-- A text message has no subject; its recipient is an Indonesian mobile number as E.164 digits
-- (628123456789, no plus), the form the outbox normalises every number to before writing it.
alter table notification_outbox drop constraint notification_outbox_channel_check;
alter table notification_outbox add constraint notification_outbox_channel_check
    check (channel in ('EMAIL', 'GATEWAY'));
alter table notification_outbox alter column subject drop not null;
alter table notification_outbox add constraint notification_outbox_subject_check
    check (channel <> 'EMAIL' or subject is not null);
alter table notification_outbox add constraint notification_outbox_phone_check
    check (channel <> 'GATEWAY' or recipient ~ '^628[0-9]{7,12}$');
-- Each channel's dispatcher claims only its own rows.
drop index notification_outbox_due_idx;
create index notification_outbox_due_idx on notification_outbox (channel, status, next_attempt_at);
