package id.gerai.document;

import id.gerai.platform.TenantId;
import java.time.Instant;
import java.util.UUID;

/**
 * One issued document as its holder and the agency's staff see it.
 *
 * @param number           the document number, e.g. {@code 474.1/0012/DUKCAPIL/2026}
 * @param shortCode        the verification code printed under the QR code (with the number it finds the document)
 * @param verifyPath       the path of the public verification page the QR code links to ({@code /verify/...})
 * @param sha256           SHA-256 of the signed PDF as issued; {@code null} while {@code PENDING}
 * @param signer           which {@link Signer} signed it ({@code pkcs12} or {@code remote}); {@code null} while pending
 * @param timestamped      whether the signature carries a timestamp from a timestamp authority (PAdES B-T)
 * @param awaitingSignature pending until the signing official enters their passphrase
 * @param replacesId       the document this one corrects, if any
 * @param replacedById     the document that corrected this one, if any
 */
public record IssuedDocument(TenantId tenant, UUID id, UUID applicationId, String trackingNo, UUID agencyId,
                             UUID serviceId, int serviceVersion, String number, String shortCode, String title,
                             DocumentStatus status, String applicantName, UUID officialId, String officialName,
                             String officialPosition, Instant decidedAt, Instant issuedAt, String verifyPath,
                             String sha256, long size, String signer, boolean timestamped, boolean awaitingSignature,
                             UUID replacesId, UUID replacedById, Instant revokedAt, String revokeReason,
                             Instant createdAt) {

    /** The file name offered on download: the number with its separators made safe. */
    public String fileName() {
        return "dokumen-" + number.replaceAll("[^A-Za-z0-9.-]+", "-") + ".pdf";
    }
}
