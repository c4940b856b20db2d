package id.gerai.notification.internal;

import id.gerai.notification.OutboxMessage;
import id.gerai.notification.RecipientMessages;
import id.gerai.platform.TenantContext;
import id.gerai.platform.TenantId;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@link RecipientMessages}: one read-only, cross-tenant statement over the outbox (a person's messages belong to every
 * tenant that served them, and account mail to none). The subject and body columns are not even selected. Both
 * addresses are compared through {@code lower(recipient)}, the outbox's recipient index (a phone number's E.164 digits
 * are their own lower case).
 */
@Component
class RecipientMessagesReader implements RecipientMessages {

    private final JdbcClient jdbc;
    private final TransactionTemplate readOwn;
    private final NotificationProperties properties;

    RecipientMessagesReader(JdbcClient jdbc, PlatformTransactionManager transactions, NotificationProperties properties) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.readOwn = new TransactionTemplate(transactions);
        // its own transaction, so the cross-tenant scope is what its connection gets, whatever the caller holds
        this.readOwn.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.readOwn.setReadOnly(true);
    }

    @Override
    public List<QueuedMessage> to(String email, String phone) {
        String mail = email == null || email.isBlank() ? null : email.strip();
        String number = PhoneNumbers.e164(phone).orElse(null);
        if (mail == null && number == null) {
            return List.of();
        }
        return TenantContext.callAcrossTenants(() -> readOwn.execute(s -> jdbc.sql("""
                        select id, tenant_id, channel, recipient, status, attempts, created_at, sent_at
                        from notification_outbox
                        where (channel = 'EMAIL' and lower(recipient) = lower(cast(:email as text)))
                           or (channel = 'GATEWAY' and lower(recipient) = cast(:phone as text))
                        order by created_at desc, id""")
                .param("email", mail).param("phone", number)
                .query((rs, n) -> {
                    UUID tenant = rs.getObject("tenant_id", UUID.class);
                    Timestamp sent = rs.getTimestamp("sent_at");
                    return new QueuedMessage(rs.getObject("id", UUID.class), tenant == null ? null : new TenantId(tenant),
                            rs.getString("channel"), rs.getString("recipient"), OutboxMessage.Status.valueOf(rs.getString("status")),
                            rs.getInt("attempts"), rs.getTimestamp("created_at").toInstant(), sent == null ? null : sent.toInstant());
                })
                .list()));
    }

    @Override
    public Duration retention() {
        return properties.retention();
    }
}
