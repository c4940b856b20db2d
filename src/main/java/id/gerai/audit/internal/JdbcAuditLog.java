package id.gerai.audit.internal;

import id.gerai.audit.AuditActor;
import id.gerai.audit.AuditEvent;
import id.gerai.audit.AuditLog;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes one {@code audit_record} row in the caller's transaction (the {@link JdbcClient} joins it), and
 * nothing else: no lock and no chain head is touched, so concurrent writers never wait for each other.
 * The row is linked into its chain later by {@link AuditSealer}.
 */
@Component
class JdbcAuditLog implements AuditLog {

    static final String SYSTEM = "system";

    private static final String INSERT = """
            insert into audit_record (tenant_id, actor, action, entity_type, entity_id, before_data, after_data)
            values (?, ?, ?, ?, ?, ?::jsonb, ?::jsonb)""";

    private final JdbcClient jdbc;
    private final JsonMapper json;

    JdbcAuditLog(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @Override
    public void record(AuditEvent event) {
        requireText(event.action(), "action");
        requireText(event.entityType(), "entityType");
        jdbc.sql(INSERT)
                .param(event.tenant() == null ? null : event.tenant().value())
                .param(actor(event))
                .param(event.action())
                .param(event.entityType())
                .param(event.entityId())
                .param(toJson(event.before()))
                .param(toJson(event.after()))
                .update();
    }

    private static String actor(AuditEvent event) {
        if (event.actor() != null && !event.actor().isBlank()) {
            return event.actor();
        }
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !auth.isAuthenticated() || auth instanceof AnonymousAuthenticationToken) {
            return SYSTEM;
        }
        if (auth.getPrincipal() instanceof AuditActor actor && actor.auditActorId() != null) {
            return actor.auditActorId();
        }
        return auth.getName() == null || auth.getName().isBlank() ? SYSTEM : auth.getName();
    }

    private String toJson(Map<String, ?> values) {
        return values == null ? null : json.writeValueAsString(values);
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("AuditEvent." + name + " must not be blank");
        }
    }
}
