package id.gerai.application;

import id.gerai.identity.GeraiUser;
import id.gerai.platform.TenantId;
import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Filing, processing and tracking applications.
 *
 * <p>Every method enters the tenant's scope itself and checks that {@code actor} may do what it asks
 * (403 {@code application-forbidden} otherwise): the applicant and the counter officer who filed for them
 * work on their application; officers act on tasks of their role and agency; the MPP manager and the
 * agency admin see their tenant's or agency's applications. Every change is one transaction that writes
 * the application, its tasks, one history row, the audit record and the notifications together.
 *
 * <p>Failures are {@link id.gerai.platform.GeraiException}s: {@code application-not-found},
 * {@code task-not-found} (404), {@code application-not-editable}, {@code application-not-open},
 * {@code task-claimed-by-other}, {@code task-not-claimed}, {@code task-closed},
 * {@code application-stale} (409), {@code service-not-published}, {@code decision-not-allowed},
 * {@code document-unknown} (422), {@link id.gerai.platform.InvalidInput} for form data and missing
 * documents at submission (field paths; documents as {@code documents.CODE}), and
 * {@link id.gerai.platform.blob.BlobRejected} for a refused file.
 */
public interface Applications {

    // --- filing ---------------------------------------------------------------------------------------------

    /**
     * A new draft of the service's published version. Online ({@code walkIn == null}) the actor is the applicant;
     * at a counter the actor is a counter or village officer and {@code walkIn} identifies the citizen by NIK
     * (an existing citizen record is linked, otherwise one is made).
     *
     * <p>The same {@code idempotencyKey} from the same actor for the same applicant returns the application made
     * the first time instead of a second one.
     */
    Application create(TenantId tenant, NewApplication command, GeraiUser actor);

    /**
     * @param servicePointId where it is filed (the officer's service point at a counter; optional online)
     * @param data           initial form data (may be empty or incomplete)
     * @param lang           the applicant's language for notifications ({@code id} or {@code en})
     */
    record NewApplication(UUID serviceId, UUID servicePointId, Map<String, Object> data, String lang,
                          String idempotencyKey, WalkIn walkIn) {
    }

    /** The walk-in citizen a counter officer files for. */
    record WalkIn(String nik, String fullName, String phone, String email) {
    }

    /**
     * Replaces the form data of a draft or of an application returned for correction. Incomplete data is kept
     * as it is (it is checked at submission). {@code expectedLockVersion}, when not null, must match (409
     * {@code application-stale} otherwise: someone saved in between).
     */
    Application saveData(TenantId tenant, UUID applicationId, Map<String, Object> data, Integer expectedLockVersion,
                         GeraiUser actor);

    /**
     * Stores an uploaded document for a required-document code of the service, replacing an earlier one; the
     * content type is sniffed from the bytes and must be one the document accepts, within its size cap.
     */
    AttachedDocument attach(TenantId tenant, UUID applicationId, String documentCode, String fileName,
                            InputStream content, GeraiUser actor);

    /** Removes an uploaded document from a draft or correction. */
    void detach(TenantId tenant, UUID applicationId, String documentCode, GeraiUser actor);

    /**
     * Files a new application with its documents in one request (the API's multipart filing): each file is checked
     * and stored as {@link #attach} does, then the draft, its documents and, when {@code submit}, its submission are
     * written in one transaction. When the submission is refused (a field or a document missing), the draft and
     * its documents are kept, as separate calls would have kept them, and the refusal is thrown after they are
     * saved. A repeated {@code idempotencyKey} returns the application made the first time (a draft made then is
     * completed with these documents and submitted). Returns the application as {@code actor} sees it, read in the
     * filing's own transaction.
     */
    ApplicationDetail file(TenantId tenant, NewApplication command, List<NewDocument> documents, boolean submit, GeraiUser actor);

    /** A document uploaded with a new application: the required-document code, the name given, the bytes. */
    record NewDocument(String code, String fileName, java.io.InputStream content) {
    }

    /**
     * Submits a draft (the clock starts; the first stage's tasks open) or a corrected application (the clock
     * resumes with the pause added; the step that asked opens again). The data is validated against the form's
     * schema and every mandatory document must be there. Submitting an application that is already submitted
     * returns it unchanged, so a double click or a retry does no harm.
     */
    Application submit(TenantId tenant, UUID applicationId, GeraiUser actor);

    /** Withdraws an open application; the reason (optional) is kept and told to the agency. */
    Application withdraw(TenantId tenant, UUID applicationId, String reason, GeraiUser actor);

    /** Deletes a draft that was never submitted (audited). */
    void discard(TenantId tenant, UUID applicationId, GeraiUser actor);

    // --- reading ----------------------------------------------------------------------------------------

    /** Finds an application by tracking number in any tenant, if {@code actor} may see it. */
    Optional<ApplicationDetail> detail(String trackingNo, GeraiUser actor);

    Optional<ApplicationDetail> detail(TenantId tenant, UUID applicationId, GeraiUser actor);

    /** The actor's own applications in every tenant, newest first (at most {@code limit}). */
    List<ApplicationSummary> mine(GeraiUser actor, int limit);

    /** Applications a counter officer filed at their service point, newest first. */
    List<ApplicationSummary> filedAtCounter(TenantId tenant, GeraiUser actor, int limit);

    /** Applications of a citizen by NIK in the tenant (counter officers), newest first. */
    List<ApplicationSummary> byNik(TenantId tenant, String nik, GeraiUser actor);

    /** The content of an uploaded document, for the applicant and the staff who may see the application. */
    Optional<DocumentContent> document(TenantId tenant, UUID applicationId, String documentCode, GeraiUser actor);

    record DocumentContent(AttachedDocument document, InputStream content) {
    }

    /**
     * The public status check: what a stranger holding only the tracking number cannot read. Empty unless both
     * the tracking number and the access code match; too many wrong codes for a number are refused (429
     * {@code status-check-throttled}) for a while.
     */
    Optional<PublicStatus> publicStatus(String trackingNo, String accessCode);

    // --- processing -------------------------------------------------------------------------------------

    /** The actor's inbox in the tenant: active tasks of their roles and agencies, with counts. */
    Inbox inbox(TenantId tenant, InboxFilter filter, GeraiUser actor);

    Task claim(TenantId tenant, UUID taskId, GeraiUser actor);

    Task release(TenantId tenant, UUID taskId, GeraiUser actor);

    /**
     * Decides a task the actor claimed. {@code APPROVE} moves the application on (completing it at the final
     * stage); {@code CORRECTION} returns it to the citizen naming fields and documents (the clock pauses);
     * {@code REJECT} ends it with a reason.
     */
    Application decide(TenantId tenant, UUID taskId, DecisionInput input, GeraiUser actor);

    /**
     * @param reason    required for a rejection and a correction (shown to the citizen)
     * @param fields    for a correction: the form fields to fix
     * @param documents for a correction: the documents to upload again
     */
    record DecisionInput(Decision decision, String reason, List<String> fields, List<String> documents) {
        public DecisionInput {
            fields = fields == null ? List.of() : List.copyOf(fields);
            documents = documents == null ? List.of() : List.copyOf(documents);
        }

        public static DecisionInput approve() {
            return new DecisionInput(Decision.APPROVE, null, null, null);
        }
    }

    Note addNote(TenantId tenant, UUID applicationId, String body, GeraiUser actor);

    /**
     * Overdue tasks of the tenant (MPP manager) or of one agency (agency admin; {@code agencyId} is then
     * required unless the actor manages the tenant), most overdue first.
     */
    List<InboxItem> overdue(TenantId tenant, UUID agencyId, GeraiUser actor);

    // --- views ------------------------------------------------------------------------------------------

    /** An application in lists. */
    record ApplicationSummary(TenantId tenant, String tenantName, UUID id, String trackingNo, String serviceName,
                              String serviceNameEn, String maskedNik, String applicantName, Channel channel,
                              ApplicationStatus status, Instant createdAt, Instant submittedAt, Instant dueAt,
                              Instant decidedAt) {
        public String displayTracking() {
            return TrackingNumber.display(trackingNo);
        }
    }

    /**
     * Everything a page shows about one application, cut to what the actor may see: {@code notes} are empty for
     * the citizen.
     */
    record ApplicationDetail(Application application, String tenantSlug, String tenantName, String serviceName,
                             String serviceNameEn, String agencyName, id.gerai.catalog.ServiceDesign design,
                             List<AttachedDocument> documents, List<HistoryEntry> history, List<Task> tasks,
                             List<StepProgress> steps, List<Note> notes, Permissions permissions) {
    }

    /** What the actor may do on an application; {@code tasks} are the ids of active tasks they may act on. */
    record Permissions(boolean applicant, boolean staff, boolean edit, boolean submit, boolean withdraw, boolean note,
                       List<UUID> tasks) {
    }

    /**
     * One step as the tracking page shows it.
     *
     * @param state    {@code DONE}, {@code ACTIVE} or {@code WAITING}
     * @param due      for an active step its due time
     * @param expected for a waiting step the date it is expected to be done by
     * @param doneAt   for a done step when it was approved
     */
    record StepProgress(String code, String name, String nameEn, String role, int stage, String state, Instant due,
                        LocalDate expected, Instant doneAt) {
    }

    /** The public status: nothing personal. */
    record PublicStatus(String trackingNo, String serviceName, String serviceNameEn, String tenantName,
                        ApplicationStatus status, Instant submittedAt, Instant dueAt, Instant decidedAt,
                        String currentStep, String currentStepEn) {
    }

    /**
     * @param due     {@code ALL}, {@code DUE_SOON} (within a day) or {@code OVERDUE}
     * @param mine    only tasks the actor claimed
     * @param limit   1 to 500
     */
    record InboxFilter(UUID serviceId, Channel channel, Due due, boolean mine, int limit) {
        public enum Due { ALL, DUE_SOON, OVERDUE }

        public static InboxFilter all() {
            return new InboxFilter(null, null, Due.ALL, false, 100);
        }
    }

    record Inbox(List<InboxItem> items, Counts counts) {
    }

    /** Counts over the whole inbox, whatever the filter. */
    record Counts(int total, int mine, int unclaimed, int dueSoon, int overdue) {
    }

    record InboxItem(Task task, String trackingNo, String serviceName, String serviceNameEn, String stepName,
                     String stepNameEn, String agencyName, String applicantName, ApplicationStatus applicationStatus,
                     boolean dueSoon, boolean overdue) {
        public String displayTracking() {
            return TrackingNumber.display(trackingNo);
        }
    }
}
