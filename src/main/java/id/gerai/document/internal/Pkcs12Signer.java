package id.gerai.document.internal;

import id.gerai.document.Signer;
import java.time.Instant;

/**
 * Signs with a PKCS#12 key per agency (or per official, {@code gerai.documents.keys.scope=official}) from
 * {@link LocalKeys}, timestamped when a timestamp authority is configured.
 */
final class Pkcs12Signer implements Signer {

    private final LocalKeys keys;
    private final boolean perOfficial;
    private final TimestampClient tsa;

    Pkcs12Signer(LocalKeys keys, boolean perOfficial, TimestampClient tsa) {
        this.keys = keys;
        this.perOfficial = perOfficial;
        this.tsa = tsa;
    }

    @Override
    public String kind() {
        return "pkcs12";
    }

    @Override
    public SignedPdf sign(SigningRequest r) {
        LocalKeys.KeyEntry key = perOfficial && r.officialId() != null
                ? keys.official(r.tenant(), r.agencyId(), r.officialId(), r.officialName(), r.agencyName(), r.tenantName())
                : keys.agency(r.tenant(), r.agencyId(), r.agencyName(), r.tenantName());
        String name = perOfficial && r.officialName() != null ? r.officialName() : r.agencyName();
        try {
            byte[] signed = Pades.sign(r.pdf(), name, r.reason(), r.location(), Instant.now(),
                    tsa == null ? Pades.RESERVED : Pades.RESERVED_TIMESTAMPED,
                    content -> Pades.cms(content, key.key(), key.chain(), tsa));
            return new SignedPdf(signed, key.certificate(), key.chain(), tsa != null);
        } catch (IllegalStateException e) {
            throw new SigningFailed(tsa != null ? "signer-timestamp-failed" : "signer-failed", e.getMessage(), e);
        }
    }
}
