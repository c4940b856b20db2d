package id.gerai.document;

import id.gerai.platform.TenantId;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.UUID;

/**
 * Puts a PAdES signature on a rendered PDF. Two implementations: a PKCS#12 key per agency or official kept
 * in the data folder ({@code pkcs12}), and a remote signing service speaking a BSrE-style HTTP API
 * ({@code remote}); {@code gerai.documents.signer} chooses one.
 *
 * <p>Contract: the returned PDF is the given bytes followed by one incremental update that adds exactly one
 * signature covering the whole file, so the rendered content is provably what was signed. Implementations
 * must be safe for concurrent use.
 */
public interface Signer {

    /** {@code pkcs12} or {@code remote}: recorded with every document it signs. */
    String kind();

    /** Whether the official must type their passphrase when signing (interactive remote signing). */
    default boolean needsPassphrase() {
        return false;
    }

    /**
     * Signs {@code request.pdf()}.
     *
     * @throws SigningFailed when the key or the service is not available, or refuses (wrong passphrase)
     */
    SignedPdf sign(SigningRequest request);

    /**
     * @param officialNik the official's NIK, which a BSrE-style service identifies the signer by
     * @param passphrase  the official's passphrase for interactive remote signing; {@code null} otherwise
     * @param reason      the signature's reason, e.g. {@code Akta Kelahiran 474.1/0012/DUKCAPIL/2026}
     * @param location    where it is signed (the tenant's name)
     */
    record SigningRequest(TenantId tenant, UUID agencyId, String agencyName, String tenantName, UUID officialId,
                          String officialName, String officialNik, char[] passphrase, String reason, String location,
                          byte[] pdf) {

        @Override
        public String toString() {
            return "SigningRequest[tenant=" + tenant + ", agency=" + agencyId + ", official=" + officialId + ", reason="
                    + reason + ", bytes=" + (pdf == null ? 0 : pdf.length) + "]";
        }
    }

    /**
     * @param certificate the signing certificate (the one the CMS signature names)
     * @param chain       the certificate and its issuers, as far as known
     * @param timestamped whether a timestamp authority's token is in the signature
     */
    record SignedPdf(byte[] pdf, X509Certificate certificate, List<X509Certificate> chain, boolean timestamped) {
    }

    /** Signing did not happen; {@code code} is stable ({@code signer-unavailable}, {@code signer-refused}, ...). */
    final class SigningFailed extends RuntimeException {

        private final String code;

        public SigningFailed(String code, String message, Throwable cause) {
            super(message, cause);
            this.code = code;
        }

        public SigningFailed(String code, String message) {
            this(code, message, null);
        }

        public String code() {
            return code;
        }
    }
}
