package id.gerai.document.internal;

import id.gerai.document.DocumentStatus;
import id.gerai.document.IssuedDocument;
import id.gerai.platform.TenantId;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Rows of the document tables. Every statement names {@code tenant_id} and runs in the caller's tenant scope,
 * except the public look-ups (by token, number, hash) and the retry sweep, which run across tenants on purpose.
 */
@Repository
class DocumentRepository {

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private static final String COLUMNS = """
            d.tenant_id, d.id, d.application_id, d.tracking_no, d.agency_id, d.service_id, d.service_version, d.number,
            d.number_year, d.number_seq, d.verify_token, d.short_code, d.title, d.status, d.data::text as data,
            d.applicant_id, d.applicant_name, d.applicant_nik, d.official_id, d.official_name, d.official_position,
            d.decided_at, d.issued_at, d.blob_sha256, d.size, d.signer, d.cert_fingerprint, d.timestamped,
            d.awaiting_signature, d.attempts, d.last_error, d.replaces_id, d.reissue_reason, d.reissued_by, d.replaced_by_id, d.revoked_at, d.revoked_by,
            d.revoke_reason, d.created_at""";

    /** One row of {@code issued_document}. {@code data} holds the form data that was (or will be) printed. */
    record Row(TenantId tenant, UUID id, UUID applicationId, String trackingNo, UUID agencyId, UUID serviceId,
               int serviceVersion, String number, int numberYear, int numberSeq, String token, String shortCode,
               String title, DocumentStatus status, Map<String, Object> data, UUID applicantId, String applicantName,
               String applicantNik, UUID officialId, String officialName, String officialPosition, Instant decidedAt,
               Instant issuedAt, String sha256, long size, String signer, String certFingerprint, boolean timestamped,
               boolean awaitingSignature, int attempts, String lastError, UUID replacesId, String reissueReason,
               String reissuedBy, UUID replacedById, Instant revokedAt, String revokedBy, String revokeReason,
               Instant createdAt) {

        IssuedDocument view() {
            return new IssuedDocument(tenant, id, applicationId, trackingNo, agencyId, serviceId, serviceVersion, number,
                    shortCode, title, status, applicantName, officialId, officialName, officialPosition, decidedAt, issuedAt,
                    "/verify/" + token, sha256, size, signer, timestamped, awaitingSignature, replacesId, replacedById,
                    revokedAt, revokeReason, createdAt);
        }
    }

    /** What an agency set for its documents. */
    record Settings(String numberFormat, String letterhead, String place, String defaultPosition) {
    }

    record Signatory(UUID accountId, UUID agencyId, String position, String nik) {
    }

    private final JdbcClient jdbc;
    private final JsonMapper json;

    DocumentRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    // --- documents -----------------------------------------------------------------------------------------

    Optional<Row> find(TenantId tenant, UUID id) {
        return jdbc.sql("select " + COLUMNS + " from issued_document d where d.tenant_id = ? and d.id = ?")
                .params(tenant.value(), id).query(this::row).optional();
    }

    /** Locks the row until the transaction ends. */
    Optional<Row> lock(TenantId tenant, UUID id) {
        return jdbc.sql("select " + COLUMNS + " from issued_document d where d.tenant_id = ? and d.id = ? for update")
                .params(tenant.value(), id).query(this::row).optional();
    }

    Optional<Row> original(TenantId tenant, UUID applicationId) {
        return jdbc.sql("select " + COLUMNS + " from issued_document d where d.tenant_id = ? and d.application_id = ? and d.replaces_id is null")
                .params(tenant.value(), applicationId).query(this::row).optional();
    }

    Optional<Row> replacementOf(TenantId tenant, UUID documentId) {
        return jdbc.sql("select " + COLUMNS + " from issued_document d where d.tenant_id = ? and d.replaces_id = ?")
                .params(tenant.value(), documentId).query(this::row).optional();
    }

    List<Row> history(TenantId tenant, UUID applicationId) {
        return jdbc.sql("select " + COLUMNS + " from issued_document d where d.tenant_id = ? and d.application_id = ? order by d.created_at desc, d.number_seq desc")
                .params(tenant.value(), applicationId).query(this::row).list();
    }

    /** Takes the agency's next number for the year; the caller inserts the document in the same transaction. */
    int nextSeq(TenantId tenant, UUID agencyId, int year) {
        return jdbc.sql("""
                        insert into document_counter (tenant_id, agency_id, year, last_seq) values (?, ?, ?, 1)
                        on conflict (tenant_id, agency_id, year) do update set last_seq = document_counter.last_seq + 1
                        returning last_seq""")
                .params(tenant.value(), agencyId, year).query(Integer.class).single();
    }

    void insert(Row r) {
        jdbc.sql("""
                        insert into issued_document (tenant_id, id, application_id, tracking_no, agency_id, service_id,
                            service_version, number, number_year, number_seq, verify_token, short_code, title, status, data,
                            applicant_id, applicant_name, applicant_nik, official_id, official_name, official_position,
                            decided_at, awaiting_signature, replaces_id, reissue_reason, reissued_by, created_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'PENDING', ?::jsonb, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(r.tenant().value(), r.id(), r.applicationId(), r.trackingNo(), r.agencyId(), r.serviceId(),
                        r.serviceVersion(), r.number(), r.numberYear(), r.numberSeq(), r.token(), r.shortCode(), r.title(),
                        json.writeValueAsString(r.data()), r.applicantId(), r.applicantName(), r.applicantNik(),
                        r.officialId(), r.officialName(), r.officialPosition(), ts(r.decidedAt()), r.awaitingSignature(),
                        r.replacesId(), r.reissueReason(), r.reissuedBy(), ts(r.createdAt()))
                .update();
    }

    /** Records the signed file; false when another attempt got there first (the row is no longer pending). */
    boolean issued(TenantId tenant, UUID id, String sha256, long size, String signer, String certFingerprint,
                   boolean timestamped, Instant at) {
        return jdbc.sql("""
                        update issued_document set status = 'ISSUED', blob_sha256 = ?, size = ?, signer = ?, cert_fingerprint = ?,
                            timestamped = ?, issued_at = ?, awaiting_signature = false, last_error = null
                        where tenant_id = ? and id = ? and status = 'PENDING'""")
                .params(sha256, size, signer, certFingerprint, timestamped, ts(at), tenant.value(), id).update() == 1;
    }

    void failed(TenantId tenant, UUID id, String error) {
        jdbc.sql("update issued_document set attempts = attempts + 1, last_error = ? where tenant_id = ? and id = ? and status = 'PENDING'")
                .params(error.length() > 500 ? error.substring(0, 500) : error, tenant.value(), id).update();
    }

    boolean revoke(TenantId tenant, UUID id, Instant at, String by, String reason) {
        return jdbc.sql("""
                        update issued_document set status = 'REVOKED', revoked_at = ?, revoked_by = ?, revoke_reason = ?
                        where tenant_id = ? and id = ? and status = 'ISSUED'""")
                .params(ts(at), by, reason, tenant.value(), id).update() == 1;
    }

    /** Links a document to the correction that replaces it, revoking it now unless it was revoked before. */
    boolean replaced(TenantId tenant, UUID id, UUID replacedBy, Instant at, String by, String reason) {
        return jdbc.sql("""
                        update issued_document set status = 'REVOKED', revoked_at = coalesce(revoked_at, ?),
                            revoked_by = coalesce(revoked_by, ?), revoke_reason = coalesce(revoke_reason, ?), replaced_by_id = ?
                        where tenant_id = ? and id = ? and status in ('ISSUED', 'REVOKED') and replaced_by_id is null""")
                .params(ts(at), by, reason, replacedBy, tenant.value(), id).update() == 1;
    }

    /** Across tenants: the caller must be in a cross-tenant scope. */
    Optional<Row> byToken(String token) {
        return jdbc.sql("select " + COLUMNS + " from issued_document d where d.verify_token = ?")
                .param(token).query(this::row).optional();
    }

    /** Across tenants: the caller must be in a cross-tenant scope. */
    List<Row> byNumber(String number) {
        return jdbc.sql("select " + COLUMNS + " from issued_document d where d.number = ? limit 20")
                .param(number).query(this::row).list();
    }

    /** Across tenants: the caller must be in a cross-tenant scope. */
    List<Row> bySha256(String sha256) {
        return jdbc.sql("select " + COLUMNS + " from issued_document d where d.blob_sha256 = ? limit 5")
                .param(sha256).query(this::row).list();
    }

    /** Across tenants: pending documents not waiting for a person, older than {@code before}, oldest first. */
    List<Row> stalePending(Instant before, int limit) {
        return jdbc.sql("select " + COLUMNS + " from issued_document d where d.status = 'PENDING' and not d.awaiting_signature "
                        + "and d.created_at < ? order by d.created_at limit ?")
                .params(ts(before), limit).query(this::row).list();
    }

    /**
     * The tenant's documents, newest first: of the given agencies ({@code null}: all), matching {@code query} in
     * the number or tracking number, in {@code status} if given.
     */
    List<Row> list(TenantId tenant, Collection<UUID> agencies, String query, DocumentStatus status, int limit) {
        StringBuilder sql = new StringBuilder("select " + COLUMNS + " from issued_document d where d.tenant_id = ?");
        List<Object> params = new ArrayList<>(List.of(tenant.value()));
        if (agencies != null) {
            if (agencies.isEmpty()) {
                return List.of();
            }
            sql.append(" and d.agency_id = any (?)");
            params.add(agencies.toArray(UUID[]::new));
        }
        if (query != null && !query.isBlank()) {
            sql.append(" and (d.number ilike ? or d.tracking_no ilike ?)");
            String q = query.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
            params.add("%" + q + "%");
            params.add("%" + q.replace("-", "").replace(" ", "") + "%");
        }
        if (status != null) {
            sql.append(" and d.status = ?");
            params.add(status.name());
        }
        sql.append(" order by d.created_at desc, d.number_seq desc limit ?");
        params.add(limit);
        return jdbc.sql(sql.toString()).params(params).query(this::row).list();
    }

    List<Row> awaiting(TenantId tenant, UUID officialId) {
        return jdbc.sql("select " + COLUMNS + " from issued_document d where d.tenant_id = ? and d.official_id = ? "
                        + "and d.status = 'PENDING' and d.awaiting_signature order by d.created_at")
                .params(tenant.value(), officialId).query(this::row).list();
    }

    // --- settings -----------------------------------------------------------------------------------------------

    Optional<Settings> settings(TenantId tenant, UUID agencyId) {
        return jdbc.sql("select number_format, letterhead, place, default_position from document_agency_settings where tenant_id = ? and agency_id = ?")
                .params(tenant.value(), agencyId)
                .query((rs, n) -> new Settings(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4))).optional();
    }

    void saveSettings(TenantId tenant, UUID agencyId, Settings s, String by) {
        jdbc.sql("""
                        insert into document_agency_settings (tenant_id, agency_id, number_format, letterhead, place, default_position, updated_by)
                        values (?, ?, ?, ?, ?, ?, ?)
                        on conflict (tenant_id, agency_id) do update set number_format = excluded.number_format,
                            letterhead = excluded.letterhead, place = excluded.place, default_position = excluded.default_position,
                            updated_at = now(), updated_by = excluded.updated_by""")
                .params(tenant.value(), agencyId, s.numberFormat(), s.letterhead(), s.place(), s.defaultPosition(), by).update();
    }

    Optional<Signatory> signatory(TenantId tenant, UUID accountId) {
        return jdbc.sql("select account_id, agency_id, position, nik from document_signatory where tenant_id = ? and account_id = ?")
                .params(tenant.value(), accountId)
                .query((rs, n) -> new Signatory(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
                        rs.getString(4))).optional();
    }

    List<Signatory> signatories(TenantId tenant) {
        return jdbc.sql("select account_id, agency_id, position, nik from document_signatory where tenant_id = ?")
                .param(tenant.value())
                .query((rs, n) -> new Signatory(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
                        rs.getString(4))).list();
    }

    void saveSignatory(TenantId tenant, Signatory s) {
        jdbc.sql("""
                        insert into document_signatory (tenant_id, account_id, agency_id, position, nik) values (?, ?, ?, ?, ?)
                        on conflict (tenant_id, account_id) do update set agency_id = excluded.agency_id, position = excluded.position,
                            nik = excluded.nik, updated_at = now()""")
                .params(tenant.value(), s.accountId(), s.agencyId(), s.position(), s.nik()).update();
    }

    // --- certificates ------------------------------------------------------------------------------------------

    void trust(TenantId tenant, UUID agencyId, UUID accountId, String source, X509Certificate cert, String fingerprint) {
        try {
            jdbc.sql("""
                            insert into document_certificate (tenant_id, fingerprint, agency_id, account_id, source, subject, issuer,
                                not_before, not_after, der)
                            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing""")
                    .params(tenant.value(), fingerprint, agencyId, accountId, source, cert.getSubjectX500Principal().getName(),
                            cert.getIssuerX500Principal().getName(), ts(cert.getNotBefore().toInstant()),
                            ts(cert.getNotAfter().toInstant()), cert.getEncoded())
                    .update();
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    boolean trusted(TenantId tenant, UUID agencyId, String fingerprint) {
        return jdbc.sql("select count(*) from document_certificate where tenant_id = ? and agency_id = ? and fingerprint = ?")
                .params(tenant.value(), agencyId, fingerprint).query(Integer.class).single() > 0;
    }

    // --- mapping -------------------------------------------------------------------------------------------------

    private Row row(ResultSet rs, int n) throws SQLException {
        String data = rs.getString("data");
        return new Row(new TenantId(rs.getObject("tenant_id", UUID.class)), rs.getObject("id", UUID.class),
                rs.getObject("application_id", UUID.class), rs.getString("tracking_no"), rs.getObject("agency_id", UUID.class),
                rs.getObject("service_id", UUID.class), rs.getInt("service_version"), rs.getString("number"),
                rs.getInt("number_year"), rs.getInt("number_seq"), rs.getString("verify_token"), rs.getString("short_code"),
                rs.getString("title"), DocumentStatus.valueOf(rs.getString("status")),
                data == null ? new LinkedHashMap<>() : json.readValue(data, MAP), rs.getObject("applicant_id", UUID.class),
                rs.getString("applicant_name"), rs.getString("applicant_nik"), rs.getObject("official_id", UUID.class),
                rs.getString("official_name"), rs.getString("official_position"), instant(rs, "decided_at"),
                instant(rs, "issued_at"), rs.getString("blob_sha256"), rs.getLong("size"), rs.getString("signer"),
                rs.getString("cert_fingerprint"), rs.getBoolean("timestamped"), rs.getBoolean("awaiting_signature"),
                rs.getInt("attempts"), rs.getString("last_error"), rs.getObject("replaces_id", UUID.class),
                rs.getString("reissue_reason"), rs.getString("reissued_by"), rs.getObject("replaced_by_id", UUID.class), instant(rs, "revoked_at"), rs.getString("revoked_by"),
                rs.getString("revoke_reason"), instant(rs, "created_at"));
    }

    static Timestamp ts(Instant i) {
        return i == null ? null : Timestamp.from(i);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
