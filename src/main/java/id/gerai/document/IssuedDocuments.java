package id.gerai.document;

import id.gerai.identity.GeraiUser;
import id.gerai.platform.TenantId;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Issuing, delivering, verifying and revoking the documents completed applications yield.
 *
 * <p>Issuing is driven by {@link id.gerai.application.ApplicationCompleted}: the event is recorded with the
 * completing transaction (Spring Modulith's event publication log) and handed to the issuer after commit;
 * an issue that fails (signing service down, crash) is retried until it succeeds, and {@link #issue} is
 * idempotent, so an approval never ends without its document and no application gets two.
 *
 * <p>Failures are {@link id.gerai.platform.GeraiException}s: {@code document-not-found} (404),
 * {@code document-forbidden} (403), {@code document-not-issued}, {@code document-revoked},
 * {@code document-already-replaced} (409), {@code document-signing-failed} (502),
 * {@code document-passphrase-refused} (422) and {@link id.gerai.platform.InvalidInput} for a missing reason or
 * a bad correction.
 */
public interface IssuedDocuments {

    // --- issuing --------------------------------------------------------------------------------------------

    /**
     * Issues the completed application's document unless it has one, and returns it: {@code ISSUED}, or
     * {@code PENDING} while it waits for the official's passphrase (interactive remote signing). Safe to call
     * any number of times, also concurrently: the number is reserved once, and only one signed file is kept.
     *
     * @param officialId the account that gave the final approval: the document names them as signing official
     *
     * @throws id.gerai.platform.GeraiException {@code document-signing-failed} when the signer fails (the
     *                                          reserved number is kept for the retry)
     */
    IssuedDocument issue(TenantId tenant, UUID applicationId, UUID officialId);

    // --- reading --------------------------------------------------------------------------------------------

    /** The application's current document (the latest, a correction replacing an earlier one), if any; no permission check. */
    Optional<IssuedDocument> byApplication(TenantId tenant, UUID applicationId);

    /** Every document of the application, newest first; no permission check. */
    List<IssuedDocument> history(TenantId tenant, UUID applicationId);

    /**
     * The current issued document of an application by tracking number, with its content, for whoever may
     * see the application: the applicant, the counter officer who filed it for a walk-in citizen, the
     * agency's staff. Empty when the person may not see it or there is no issued document.
     */
    Optional<DocumentFile> file(String trackingNo, GeraiUser actor);

    record DocumentFile(IssuedDocument document, long size, InputStream content) {
    }

    /** The agency's documents (agency admin; the MPP manager sees the tenant's), newest first. */
    List<IssuedDocument> list(TenantId tenant, Filter filter, GeraiUser actor);

    /**
     * @param query  a document number, tracking number or part of them (optional)
     * @param status only documents in this state (optional)
     */
    record Filter(String query, DocumentStatus status, int limit) {
        public static Filter all() {
            return new Filter(null, null, 100);
        }
    }

    /** One document for the agency's staff. */
    Optional<IssuedDocument> find(TenantId tenant, UUID documentId, GeraiUser actor);

    // --- verification (public) ------------------------------------------------------------------------------

    /** The page a QR code leads to: the stored file is checked again (signature, certificate, SHA-256). */
    Verification verifyToken(String token);

    /** By the number and the short code printed on the document. */
    Verification verifyNumber(String number, String shortCode);

    /** An uploaded PDF: its signature, its certificate and its bytes against the record. */
    Verification verifyFile(byte[] pdf);

    // --- revocation and correction (agency admin) -----------------------------------------------------------

    /** Revokes an issued document; the reason is shown on the public verification page (audited). */
    IssuedDocument revoke(TenantId tenant, UUID documentId, String reason, GeraiUser actor);

    /**
     * Issues a corrected document in place of an issued one: the same application, a new number, the form
     * values in {@code corrections} (printed fields only) replacing the originals. The original is revoked
     * with {@code reason} and linked both ways (audited). Retrying after a signing failure finishes the same
     * replacement instead of starting another.
     */
    IssuedDocument reissue(TenantId tenant, UUID documentId, String reason, Map<String, Object> corrections, GeraiUser actor);

    /** Signs a document waiting for its official's passphrase (interactive remote signing); only that official may. */
    IssuedDocument sign(TenantId tenant, UUID documentId, char[] passphrase, GeraiUser actor);

    /** Documents waiting for the actor's passphrase. */
    List<IssuedDocument> awaitingSignature(TenantId tenant, GeraiUser actor);
}
