-- SKM answers are anonymous (PermenPAN-RB 14/2017 practice; UU 27/2022 data minimisation): a stored response must not
-- lead back to the application, its tracking number or the applicant's account. Until now each applicant's response
-- kept its application_id (its unique index made "one response per application"), and the invitation kept the
-- application, tracking number and applicant, so a join named who answered what.
--
-- One response per application is now kept by the invitation: a plain answered flag, set by a guarded update in the
-- transaction that inserts the response (no answer timestamp, which would match the response's answered_at). The
-- invitations that can no longer be answered (answered, or past gerai.survey.invitation-validity) are deleted by an
-- hourly job (SurveyInvitationPurge), so the person leaves with them.

-- this migration changes every tenant's rows, and these tables force row-level security on their owner too
select set_config('gerai.cross_tenant', 'on', true);

alter table survey_invitation add column answered boolean not null default false;

update survey_invitation i set answered = true
where exists (select 1 from survey_response r where r.tenant_id = i.tenant_id and r.application_id = i.application_id);

-- the purge's two ways in: the answered ones, and the others by age
create index survey_invitation_answered_idx on survey_invitation (tenant_id, application_id) where answered;
create index survey_invitation_completed_idx on survey_invitation (completed_at);

-- survey_response is append-only: the application role holds no UPDATE, and the trigger survey_response_no_change
-- refuses UPDATE and DELETE even to the owner and a superuser, so that an answer is never altered. Taking the
-- application out of the responses recorded so far alters no answer (the scores, profile, suggestion, day and
-- service, agency and point the figures are made from stay as they are), so this migration, as the table's owner
-- and inside its own transaction, lifts the trigger for this one statement and sets it again before committing;
-- nothing else can write in between. The values are set to null before the column is dropped because dropping a
-- column only hides it: the old values would stay in the stored rows until each was rewritten.
alter table survey_response drop constraint survey_response_check;
drop index survey_response_application_uq;
alter table survey_response disable trigger survey_response_no_change;
update survey_response set application_id = null where application_id is not null;
alter table survey_response enable trigger survey_response_no_change;
alter table survey_response drop column application_id;

comment on column survey_invitation.answered is
    'the questionnaire was answered (one response per application); deliberately no time, which would point at the response';
