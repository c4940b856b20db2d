-- Retention (UU 27/2022: delete or anonymise personal data when its retention ends). A closed application is
-- anonymised once gerai.applications.retention has passed since it closed: the row, its tracking number, service,
-- agency, channel, status, dates, tasks and history stay (the performance figures and the overdue statistics are
-- made from them); the applicant's identity, contact, account link, form data, correction, reasons, notes and
-- attachments go. anonymised_at marks it, so it is done once and pages say why the data is missing.
alter table application
    add column anonymised_at timestamptz,
    alter column applicant_id drop not null,
    alter column applicant_name drop not null,
    alter column applicant_nik drop not null,
    add constraint application_applicant_present
        check (anonymised_at is not null or (applicant_id is not null and applicant_name is not null and applicant_nik is not null)),
    add constraint application_anonymised_closed
        check (anonymised_at is null or status in ('COMPLETED', 'REJECTED', 'WITHDRAWN'));

-- What the retention jobs look for: the drafts (their last change is read from the rows: an index on updated_at
-- would be written by every transition, which now updates the row in place, see V63), closed and not yet anonymised
-- applications by closing.
create index application_draft_retention_idx on application (id) where status = 'DRAFT';
create index application_closed_retention_idx on application (decided_at)
    where status in ('COMPLETED', 'REJECTED', 'WITHDRAWN') and anonymised_at is null;
-- Whether another application still holds a file, before the file is removed from the blob store.
create index application_document_sha_idx on application_document (sha256);

-- The history stays append-only, with one exception: once its application is anonymised, the free text a person
-- wrote into a row (the reason of a rejection or withdrawal) may be taken out of it. Nothing else may change.
create or replace function application_history_frozen() returns trigger language plpgsql as $$
begin
    if (new.tenant_id, new.id, new.application_id, new.at, new.action, new.step_code, new.actor_id, new.actor_role,
        new.status_after) is not distinct from (old.tenant_id, old.id, old.application_id, old.at, old.action,
        old.step_code, old.actor_id, old.actor_role, old.status_after)
       and new.detail is not distinct from old.detail - 'reason'
       and exists (select 1 from application a
                   where a.tenant_id = old.tenant_id and a.id = old.application_id and a.anonymised_at is not null) then
        return new;
    end if;
    raise exception 'application history is append-only' using errcode = 'insufficient_privilege';
end $$;
