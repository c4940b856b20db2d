package id.gerai.notification.internal;

import id.gerai.notification.Email;
import id.gerai.notification.NotificationQueries;
import id.gerai.notification.Notifications;
import id.gerai.notification.OutboxMessage;
import id.gerai.notification.TextMessage;
import id.gerai.platform.Masking;
import id.gerai.platform.TenantContext;
import id.gerai.platform.TenantId;
import id.gerai.platform.TimeOrderedIds;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/** Queues messages in the caller's transaction and reads them back for the demo mailbox and tests. */
@Service
class OutboxNotifications implements Notifications, NotificationQueries {

    private static final Logger log = LoggerFactory.getLogger(OutboxNotifications.class);

    /**
     * Roughly an address: one {@code @}, a dotted domain, and none of the characters that would let one
     * "address" become several or smuggle in a header (spaces, line breaks, {@code , ; < > " ( )}).
     */
    static final Pattern ADDRESS = Pattern.compile(
            "^[^\\s\\p{Cntrl}@<>()\\[\\]\\\\,;:\"]{1,64}@[^\\s\\p{Cntrl}@<>()\\[\\]\\\\,;:\"]+\\.[^\\s\\p{Cntrl}@<>()\\[\\]\\\\,;:\".]{2,}$");
    static final int ADDRESS_MAX = 254;
    static final int QUERY_LIMIT_MAX = 500;

    private final OutboxRepository outbox;
    private final TransactionTemplate readOwn;

    OutboxNotifications(OutboxRepository outbox, PlatformTransactionManager transactions) {
        this.outbox = outbox;
        this.readOwn = new TransactionTemplate(transactions);
        // Its own transaction, so the cross-tenant scope applies even when the caller already holds a
        // connection bound to one tenant.
        this.readOwn.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.readOwn.setReadOnly(true);
    }

    // A refused message is refused before anything is written, so it must not doom the caller's
    // transaction: a caller may catch it and go on (no text for an unusable number) and still commit.
    @Override
    @Transactional(noRollbackFor = IllegalArgumentException.class)
    public void queue(Email email) {
        OutboxRepository.Row row = row(email);
        outbox.insert(List.of(row));
        log.debug("Queued e-mail {} to {}", row.id(), Masking.email(row.recipient()));
    }

    @Override
    @Transactional(noRollbackFor = IllegalArgumentException.class)
    public void queue(TextMessage message) {
        OutboxRepository.Row row = row(message);
        outbox.insert(List.of(row));
        log.debug("Queued text message {} to {}", row.id(), Masking.phone(row.recipient()));
    }

    @Override
    @Transactional
    public int queue(Email email, TextMessage text) {
        List<OutboxRepository.Row> rows = new ArrayList<>(2);
        if (email != null) {
            try {
                rows.add(row(email));
            } catch (IllegalArgumentException e) {
                log.info("E-mail left out: {}", e.getMessage());
            }
        }
        if (text != null) {
            try {
                rows.add(row(text));
            } catch (IllegalArgumentException e) {
                log.info("Text message left out: {}", e.getMessage());
            }
        }
        if (!rows.isEmpty()) {
            outbox.insert(rows);
        }
        return rows.size();
    }

    /** The outbox row of an e-mail, once it is checked; nothing is written here. */
    private static OutboxRepository.Row row(Email email) {
        Objects.requireNonNull(email, "email");
        String to = recipient(email.to());
        if (email.subject() == null || email.subject().isBlank()) {
            throw new IllegalArgumentException("Subject is blank");
        }
        if (email.body() == null) {
            throw new IllegalArgumentException("Body is missing");
        }
        // A line break in a subject would end the header; fold it rather than refuse rendered text.
        String subject = email.subject().replaceAll("[\\r\\n\\t]+", " ").strip();
        requireScope(email.tenant());
        return new OutboxRepository.Row(TimeOrderedIds.next(), email.tenant(), OutboxRepository.EMAIL, to, subject, email.body());
    }

    /** The outbox row of a text message, once it is checked; nothing is written here. */
    private static OutboxRepository.Row row(TextMessage message) {
        Objects.requireNonNull(message, "message");
        String phone = PhoneNumbers.e164(message.phone())
                .orElseThrow(() -> new IllegalArgumentException("Phone number is not an Indonesian mobile number"));
        if (message.body() == null || message.body().isBlank()) {
            throw new IllegalArgumentException("Text is blank");
        }
        if (message.body().length() > TEXT_MAX) {
            throw new IllegalArgumentException("Text is longer than " + TEXT_MAX + " characters");
        }
        requireScope(message.tenant());
        return new OutboxRepository.Row(TimeOrderedIds.next(), message.tenant(), OutboxRepository.GATEWAY, phone, null,
                message.body());
    }

    private static void requireScope(TenantId tenant) {
        TenantContext.Scope scope = TenantContext.scope();
        if (tenant != null && !scope.acrossTenants() && !tenant.equals(scope.tenant())) {
            throw new IllegalStateException("Message for tenant " + tenant + " queued outside that tenant's scope");
        }
    }

    @Override
    public List<OutboxMessage> recentTo(String recipient, int limit) {
        if (recipient == null || recipient.isBlank()) {
            throw new IllegalArgumentException("Recipient is blank");
        }
        // a phone number is stored as E.164 digits, however it was typed
        return read(PhoneNumbers.e164(recipient).orElse(recipient.strip()), limit);
    }

    @Override
    public List<OutboxMessage> recent(int limit) {
        return read(null, limit);
    }

    private List<OutboxMessage> read(String recipient, int limit) {
        if (limit < 1 || limit > QUERY_LIMIT_MAX) {
            throw new IllegalArgumentException("limit must be 1 to " + QUERY_LIMIT_MAX);
        }
        return TenantContext.callAcrossTenants(() -> readOwn.execute(status -> outbox.recent(recipient, limit)));
    }

    static String recipient(String to) {
        if (to == null || to.isBlank()) {
            throw new IllegalArgumentException("Recipient is blank");
        }
        String address = to.strip();
        if (address.length() > ADDRESS_MAX || !ADDRESS.matcher(address).matches()) {
            throw new IllegalArgumentException("Recipient is not an e-mail address");
        }
        return address;
    }
}
