-- Retention (UU 27/2022), as for applications (V67): a finished complaint (closed, not our authority, archived) is
-- anonymised once gerai.complaints.retention has passed since it closed. Kind, status, agency, service, dates,
-- ratings and history stay (the figures are made from them); the reporter's identity, contact and account link,
-- the texts written on it and its attachments go. The texts are replaced by a placeholder, so the length checks
-- hold; anonymised_at marks the row, so it is done once and pages say why the data is missing.
alter table complaint
    add column anonymised_at timestamptz,
    drop constraint complaint_check,
    add constraint complaint_reporter_reachable
        check (reporter_email is not null or reporter_phone is not null or reporter_id is not null or channel = 'LAPOR'
               or anonymised_at is not null),
    add constraint complaint_anonymised_finished
        check (anonymised_at is null or status in ('CLOSED', 'NOT_OUR_AUTHORITY', 'ARCHIVED'));

create index complaint_closed_retention_idx on complaint (closed_at)
    where status in ('CLOSED', 'NOT_OUR_AUTHORITY', 'ARCHIVED') and anonymised_at is null;
create index complaint_attachment_sha_idx on complaint_attachment (sha256);

-- The history stays append-only, except that the free text of a row (a coordinator's note, a reason) may be taken
-- out once its complaint is anonymised.
create or replace function complaint_history_frozen() returns trigger language plpgsql as $$
begin
    if (new.tenant_id, new.id, new.complaint_id, new.at, new.action, new.actor_id, new.actor_role, new.status_after,
        new.agency_id) is not distinct from (old.tenant_id, old.id, old.complaint_id, old.at, old.action, old.actor_id,
        old.actor_role, old.status_after, old.agency_id)
       and new.detail is not distinct from old.detail - 'note' - 'reason'
       and exists (select 1 from complaint c
                   where c.tenant_id = old.tenant_id and c.id = old.complaint_id and c.anonymised_at is not null) then
        return new;
    end if;
    raise exception 'complaint history is append-only' using errcode = 'insufficient_privilege';
end $$;
