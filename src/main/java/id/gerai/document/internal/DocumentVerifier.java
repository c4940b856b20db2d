package id.gerai.document.internal;

import id.gerai.calendar.WorkingCalendar;
import id.gerai.catalog.CatalogApi;
import id.gerai.catalog.ServiceVersion;
import id.gerai.document.DocumentStatus;
import id.gerai.document.Verification;
import id.gerai.document.Verification.Outcome;
import id.gerai.platform.Masking;
import id.gerai.platform.TenantContext;
import id.gerai.platform.TenantId;
import id.gerai.platform.blob.BlobStore;
import id.gerai.tenancy.Agency;
import id.gerai.tenancy.TenancyApi;
import id.gerai.tenancy.Tenant;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The public verification. Whatever leads to a document (the QR code's token, the number with its short code,
 * or an uploaded file), the verdict rests on a cryptographic check of a file, never on a look-up alone:
 * the uploaded file, or for a token or number the stored file, must carry exactly one signature that covers
 * the whole file and verifies, made with the certificate recorded for that document and trusted for its
 * agency, and the file's SHA-256 must be the one recorded at issue. A Gerai document whose bytes differ (a
 * changed byte, something appended) is {@code ALTERED}; a revoked one says so with date and reason.
 *
 * <p>What is shown is what the holder could already read on the document, with the name and NIK masked.
 */
@Component
class DocumentVerifier {

    private static final Pattern TOKEN = Pattern.compile("[0-9a-z]{26}");

    private final DocumentRepository repo;
    private final BlobStore blobs;
    private final TenancyApi tenancy;
    private final CatalogApi catalog;
    private final TransactionTemplate tx;
    private final WorkingCalendar calendar;

    DocumentVerifier(DocumentRepository repo, BlobStore blobs, TenancyApi tenancy, CatalogApi catalog, TransactionTemplate tx,
                     WorkingCalendar calendar) {
        this.calendar = calendar;
        this.repo = repo;
        this.blobs = blobs;
        this.tenancy = tenancy;
        this.catalog = catalog;
        this.tx = tx;
    }

    Verification byToken(String token) {
        if (token == null || !TOKEN.matcher(token).matches()) {
            return Verification.unknown();
        }
        return across(() -> repo.byToken(token)).filter(r -> r.status() != DocumentStatus.PENDING)
                .map(this::stored).orElseGet(Verification::unknown);
    }

    Verification byNumber(String number, String shortCode) {
        String code = normalizeCode(shortCode);
        if (number == null || number.isBlank() || number.length() > 100 || code == null) {
            return Verification.unknown();
        }
        List<DocumentRepository.Row> rows = across(() -> repo.byNumber(number.strip()));
        for (DocumentRepository.Row r : rows) {
            if (r.status() != DocumentStatus.PENDING
                    && MessageDigest.isEqual(r.shortCode().getBytes(), code.getBytes())) {
                return stored(r);
            }
        }
        return Verification.unknown();
    }

    Verification file(byte[] pdf) {
        String sha = Pades.sha256Hex(pdf);
        SignatureCheck.Report report = SignatureCheck.inspect(pdf);
        List<DocumentRepository.Row> same = across(() -> repo.bySha256(sha));
        if (!same.isEmpty()) {
            return judge(same.getFirst(), pdf, sha, report);
        }
        // not the file on record: if it names a Gerai document, it is that document altered
        Optional<DocumentRepository.Row> named = report.token() == null ? Optional.empty()
                : across(() -> repo.byToken(report.token())).filter(r -> r.status() != DocumentStatus.PENDING);
        if (named.isPresent()) {
            DocumentRepository.Row r = named.get();
            return new Verification(Outcome.ALTERED, view(r), signature(report, trusted(r, report)));
        }
        return new Verification(Outcome.UNKNOWN, null, report.signatures() == 0 ? null : signature(report, false));
    }

    /** Verifies the stored file of a document found by token or number. */
    private Verification stored(DocumentRepository.Row r) {
        Optional<InputStream> in = blobs.open(r.sha256());
        if (in.isEmpty()) {
            return new Verification(Outcome.ALTERED, view(r), null);
        }
        byte[] pdf;
        try (InputStream s = in.get()) {
            pdf = s.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return judge(r, pdf, Pades.sha256Hex(pdf), SignatureCheck.inspect(pdf));
    }

    private Verification judge(DocumentRepository.Row r, byte[] pdf, String sha, SignatureCheck.Report report) {
        boolean trusted = trusted(r, report);
        boolean authentic = report.intact() && trusted && sha.equals(r.sha256());
        Outcome outcome = !authentic ? Outcome.ALTERED : r.status() == DocumentStatus.REVOKED ? Outcome.REVOKED : Outcome.AUTHENTIC;
        return new Verification(outcome, view(r), signature(report, trusted));
    }

    /** The signing certificate is the one recorded for this document and Gerai trusts it for the document's agency. */
    private boolean trusted(DocumentRepository.Row r, SignatureCheck.Report report) {
        X509Certificate cert = report.certificate();
        if (cert == null || r.certFingerprint() == null) {
            return false;
        }
        String fingerprint = DocumentService.fingerprint(cert);
        return fingerprint.equals(r.certFingerprint())
                && inTenant(r.tenant(), () -> repo.trusted(r.tenant(), r.agencyId(), fingerprint));
    }

    private static Verification.SignatureInfo signature(SignatureCheck.Report report, boolean trusted) {
        X509Certificate cert = report.certificate();
        return new Verification.SignatureInfo(report.valid() && report.signatures() == 1, report.wholeDocument(), trusted,
                cert == null ? null : cert.getSubjectX500Principal().getName(),
                cert == null ? null : cert.getIssuerX500Principal().getName(),
                cert == null ? null : DocumentService.fingerprint(cert), report.signedAt(), report.timestampedAt());
    }

    private Verification.PublicDocument view(DocumentRepository.Row r) {
        TenantId tenant = r.tenant();
        Tenant t = tenancy.byId(tenant).orElse(null);
        String agency = TenantContext.call(tenant, () -> tenancy.agencies(tenant)).stream()
                .filter(a -> a.id().equals(r.agencyId())).map(Agency::name).findFirst().orElse("");
        String service = catalog.version(tenant, r.serviceId(), r.serviceVersion()).map(ServiceVersion::design)
                .map(d -> d.name()).orElse("");
        String replacedBy = r.replacedById() == null ? null
                : inTenant(tenant, () -> repo.find(tenant, r.replacedById())).filter(x -> x.status() != DocumentStatus.PENDING)
                .map(DocumentRepository.Row::number).orElse(null);
        String replaces = r.replacesId() == null ? null
                : inTenant(tenant, () -> repo.find(tenant, r.replacesId())).map(DocumentRepository.Row::number).orElse(null);
        return new Verification.PublicDocument(r.number(), r.title(), service, t == null ? "" : t.name(), agency,
                r.officialName(), r.officialPosition(), r.issuedAt(), maskName(r.applicantName()), Masking.nik(r.applicantNik()),
                r.status(), r.revokedAt(), r.revokeReason(), replacedBy, replaces, r.sha256(), "/verify/" + r.token(),
                calendar.zone(tenant).getId());
    }

    /** {@code Putri Lestari} becomes {@code P**** L******}: enough to match a face to a paper, not to learn a name. */
    static String maskName(String name) {
        if (name == null || name.isBlank()) {
            return "";
        }
        StringBuilder b = new StringBuilder();
        for (String word : name.strip().split("\\s+")) {
            if (!b.isEmpty()) {
                b.append(' ');
            }
            int first = word.codePointAt(0);
            b.appendCodePoint(first).append("*".repeat(Math.max(1, word.codePointCount(0, word.length()) - 1)));
        }
        return b.toString();
    }

    /** What a person typed as a short code, canonical (upper case, no separators, O as 0, I and L as 1), or null. */
    static String normalizeCode(String input) {
        if (input == null) {
            return null;
        }
        StringBuilder b = new StringBuilder(8);
        for (char c : input.toUpperCase(Locale.ROOT).toCharArray()) {
            if (c == '-' || c == ' ' || c == '.') {
                continue;
            }
            char mapped = switch (c) {
                case 'O' -> '0';
                case 'I', 'L' -> '1';
                default -> c;
            };
            if (DocumentService.CODE_ALPHABET.indexOf(mapped) < 0 || b.length() >= 8) {
                return null;
            }
            b.append(mapped);
        }
        return b.length() == 8 ? b.toString() : null;
    }

    private <T> T across(Supplier<T> work) {
        return TenantContext.callAcrossTenants(() -> tx.execute(s -> work.get()));
    }

    private <T> T inTenant(TenantId tenant, Supplier<T> work) {
        return TenantContext.call(tenant, () -> tx.execute(s -> work.get()));
    }
}
