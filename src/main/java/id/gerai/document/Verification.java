package id.gerai.document;

import java.time.Instant;

/**
 * What the public verification says about a document, cut to what its holder could already read on it:
 * personal data masked, nothing from the form but the title.
 *
 * @param outcome   the verdict
 * @param document  the document it concerns; {@code null} when {@link Outcome#UNKNOWN}
 * @param signature what the signature check found; {@code null} when there was nothing to check
 */
public record Verification(Outcome outcome, PublicDocument document, SignatureInfo signature) {

    public enum Outcome {
        /** Issued by Gerai, signature valid over the whole file, the file the one on record, not revoked. */
        AUTHENTIC,
        /** Genuine, but the agency revoked it (see the date and reason), possibly replaced by a corrected one. */
        REVOKED,
        /** Claims to be a Gerai document, but its bytes differ from the one issued or its signature is broken. */
        ALTERED,
        /** No document on record matches. */
        UNKNOWN
    }

    public static Verification unknown() {
        return new Verification(Outcome.UNKNOWN, null, null);
    }

    /**
     * @param holderName     the applicant's name, masked ({@code P**** L******})
     * @param holderNik      the applicant's NIK, masked ({@code 3671********0001})
     * @param replacedBy     the number of the corrected document that replaced it, if any
     * @param replaces       the number of the document it corrects, if any
     * @param zone           the issuing tenant's time zone, in which its dates are read
     */
    public record PublicDocument(String number, String title, String serviceName, String tenantName, String agencyName,
                                 String officialName, String officialPosition, Instant issuedAt, String holderName,
                                 String holderNik, DocumentStatus status, Instant revokedAt, String revokeReason,
                                 String replacedBy, String replaces, String sha256, String verifyPath, String zone) {
    }

    /**
     * @param valid            the CMS signature verifies and its message digest matches the signed bytes
     * @param wholeDocument    the signature covers the whole file (nothing was appended after signing)
     * @param trusted          the signing certificate is the one Gerai holds for the issuing agency (or official)
     * @param signer           the certificate's subject
     * @param issuer           the certificate's issuer
     * @param certificateSha256 the certificate's SHA-256 fingerprint
     * @param signedAt         the signing time claimed in the PDF
     * @param timestampedAt    the time from a timestamp authority's token, when there is one that verifies
     */
    public record SignatureInfo(boolean valid, boolean wholeDocument, boolean trusted, String signer, String issuer,
                                String certificateSha256, Instant signedAt, Instant timestampedAt) {
    }
}
