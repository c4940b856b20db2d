package id.gerai.application;

import id.gerai.identity.GeraiUser;
import java.time.Duration;
import java.util.List;

/**
 * Every application a person is the applicant of, for their own access and copy of what Gerai holds about them
 * (UU 27/2022): in every tenant, with nothing left out by a page size.
 */
public interface ApplicantData {

    /**
     * The applications whose applicant is {@code applicant}'s account, in every tenant, newest first, each as
     * {@link Applications#detail(id.gerai.platform.TenantId, java.util.UUID, GeraiUser)} shows it to them (form data,
     * documents, history; no staff notes). Applications the account merely filed for someone else at a counter, or
     * worked on as staff, are not theirs and are not included.
     */
    List<Applications.ApplicationDetail> of(GeraiUser applicant);

    /**
     * How long this installation keeps an applicant's personal data: a draft never submitted is deleted
     * {@code draft} after its last change; a closed application is anonymised {@code closed} after it closed.
     */
    Retention retention();

    record Retention(Duration draft, Duration closed) {
    }
}
