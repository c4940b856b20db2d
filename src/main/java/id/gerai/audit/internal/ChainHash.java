package id.gerai.audit.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The one definition of how an audit row is hashed, shared by the sealer and the verifier.
 *
 * <p>The row's canonical text is computed by PostgreSQL ({@link #CANONICAL_SQL}) from the stored columns,
 * so the sealer and the verifier read exactly the same text and no Java/SQL formatting difference
 * (time zones, JSON spacing, number formats) can make an intact row look altered. A JSON array keeps the
 * fields apart unambiguously (a {@code |} inside an actor cannot shift text into the action) and tells
 * {@code null} from an empty string; {@code jsonb} text is normalized by PostgreSQL (key order, spacing).
 */
final class ChainHash {

    /** The canonical text of a row of {@code audit_record}, as a select-list expression. */
    static final String CANONICAL_SQL = """
            json_build_array(id, tenant_id, actor, action, entity_type, entity_id,
                to_char(occurred_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
                before_data, after_data)::text""";

    /** The previous hash of a chain's first row. */
    static final String GENESIS = "0".repeat(64);

    private ChainHash() {
    }

    /** {@code hex(sha256(prev | chain | seq | canonical))}. */
    static String of(String prevHash, String chain, long seq, String canonical) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            String text = prevHash + '|' + chain + '|' + seq + '|' + canonical;
            return HexFormat.of().formatHex(sha.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** The chain a tenant's records (or installation-wide records, {@code null}) belong to. */
    static String chainOf(String tenantIdOrNull) {
        return tenantIdOrNull == null ? id.gerai.audit.AuditVerifier.PLATFORM_CHAIN : tenantIdOrNull;
    }
}
