package id.gerai.application;

import java.util.List;
import java.util.UUID;

/**
 * What closing a citizen's account (UU 27/2022, the right to deletion) needs of the applications: which of them still
 * wait on the agencies, and the removal of the drafts nobody but the citizen ever saw. Submitted applications are the
 * agencies' records under the public-service duty and are not touched here: they keep the applicant's details copied
 * on them until their retention ends ({@link ApplicantData#retention()}).
 */
public interface ApplicantAccounts {

    /**
     * The tracking numbers of the applications whose applicant is {@code accountId}, in every tenant, that are
     * submitted and not decided yet ({@link ApplicationStatus#open()}), oldest first.
     */
    List<String> openApplications(UUID accountId);

    /**
     * Deletes the account's drafts in every tenant, with their attachments, notes and history, inside the caller's
     * transaction; the attachment files leave the blob store after it commits when nothing else refers to them.
     *
     * @return how many drafts were deleted
     */
    int deleteDrafts(UUID accountId);
}
