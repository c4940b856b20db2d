package id.gerai.notification.internal;

import id.gerai.platform.Masking;
import id.gerai.platform.TenantContext;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.mail.MailParseException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.StringUtils;

/**
 * Delivers the outbox over SMTP. Each round claims a small batch of due e-mails of all tenants (a short
 * transaction; see {@link OutboxRepository#claimDue}), sends them with no lock held, then records each
 * outcome. A failure is tried again later, ever less often ({@link #BACKOFF}); after
 * {@code gerai.notification.max-attempts} failures the message is marked {@code FAILED}. Any number of
 * dispatchers (threads or nodes) may run at once.
 *
 * <p>Without {@code spring.mail.host} delivery is off and messages stay {@code PENDING}: the demo
 * mailbox shows them. Spring Boot creates a mail sender even for a blank host, so the host is checked
 * here rather than the bean's presence.
 */
@Component
class OutboxDispatcher {

    private static final Logger log = LoggerFactory.getLogger(OutboxDispatcher.class);

    /** Wait before the next attempt, by failed attempts so far (1, 2, ...); the last one repeats. */
    static final List<Duration> BACKOFF = List.of(Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofMinutes(30),
            Duration.ofHours(2), Duration.ofHours(6), Duration.ofHours(12), Duration.ofHours(24));

    /** What one {@link #dispatchNow()} did. */
    record Result(int sent, int retrying, int failed) {
        static final Result NONE = new Result(0, 0, 0);

        Result plus(Result other) {
            return new Result(sent + other.sent, retrying + other.retrying, failed + other.failed);
        }
    }

    private final OutboxRepository outbox;
    private final JavaMailSender mail;
    private final InternetAddress from;
    private final NotificationProperties settings;
    private final TransactionTemplate transaction;

    OutboxDispatcher(OutboxRepository outbox, ObjectProvider<JavaMailSender> senders, @Value("${spring.mail.host:}") String host,
                     MailSettings mailSettings, NotificationProperties settings, PlatformTransactionManager transactions) {
        this.outbox = outbox;
        this.settings = settings;
        this.transaction = new TransactionTemplate(transactions);
        JavaMailSender sender = StringUtils.hasText(host) ? senders.getIfAvailable() : null;
        if (sender == null) {
            log.info("E-mail delivery is off: spring.mail.host (GERAI_SMTP_HOST) is not set. "
                    + "Messages stay PENDING in the outbox (listed at /demo/mailbox in demo mode).");
        } else {
            boundTimeouts(sender);
            log.info("E-mail delivery is on via SMTP host {}", host);
        }
        this.mail = sender;
        this.from = address(mailSettings.from());
    }

    /** Sends what is due, batch after batch, until nothing is. */
    @Scheduled(initialDelayString = "${gerai.notification.dispatch-interval:2s}",
            fixedDelayString = "${gerai.notification.dispatch-interval:2s}")
    void scheduled() {
        try {
            Result result = dispatchNow();
            if (result.failed() > 0 || result.retrying() > 0) {
                log.warn("Outbox: {} sent, {} to retry, {} given up", result.sent(), result.retrying(), result.failed());
            }
        } catch (RuntimeException e) {
            log.error("Outbox dispatch failed; trying again in the next round", e);
        }
    }

    /** Sends every e-mail that is due now; returns what happened. Does nothing when delivery is off. */
    Result dispatchNow() {
        if (mail == null) {
            return Result.NONE;
        }
        Result total = Result.NONE;
        while (true) {
            List<OutboxRepository.Claimed> batch = acrossTenants(() -> outbox.claimDue(settings.batchSize(), settings.lease()));
            if (batch.isEmpty()) {
                return total;
            }
            total = total.plus(send(batch));
        }
    }

    private Result send(List<OutboxRepository.Claimed> batch) {
        long claimedAt = System.nanoTime();
        int sent = 0;
        int retrying = 0;
        int failed = 0;
        for (int i = 0; i < batch.size(); i++) {
            if (Duration.ofNanos(System.nanoTime() - claimedAt).compareTo(settings.lease().dividedBy(2)) > 0) {
                // The lease may run out before the rest is sent, and another dispatcher could claim them too.
                List<OutboxRepository.Claimed> rest = batch.subList(i, batch.size());
                acrossTenants(() -> {
                    rest.forEach(outbox::release);
                    return null;
                });
                log.warn("Outbox: mail server is slow; {} claimed messages released for the next round", rest.size());
                break;
            }
            OutboxRepository.Claimed m = batch.get(i);
            try {
                mail.send(mimeMessage(m));
                acrossTenants(() -> {
                    outbox.markSent(m);
                    return null;
                });
                sent++;
            } catch (RuntimeException e) {
                int attempts = m.attempts() + 1;
                boolean undeliverable = e instanceof MailParseException || e instanceof MailPreparationException;
                Duration retryIn = undeliverable || attempts >= settings.maxAttempts() ? null : backoff(attempts);
                String error = errorCode(e);
                acrossTenants(() -> {
                    outbox.markFailedAttempt(m, error, retryIn);
                    return null;
                });
                if (retryIn == null) {
                    failed++;
                    log.warn("E-mail {} to {} given up after {} attempts: {}", m.id(), Masking.email(m.recipient()), attempts, error);
                } else {
                    retrying++;
                    log.info("E-mail {} to {} not sent (attempt {}): {}; next try in {}", m.id(), Masking.email(m.recipient()),
                            attempts, error, retryIn);
                }
            }
        }
        return new Result(sent, retrying, failed);
    }

    private MimeMessage mimeMessage(OutboxRepository.Claimed m) {
        try {
            MimeMessage message = mail.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(message, false, StandardCharsets.UTF_8.name());
            helper.setFrom(from);
            helper.setTo(m.recipient());
            helper.setSubject(m.subject());
            helper.setText(m.body(), false);
            // RFC 3834: no auto-replies to system mail; the id lets a receiver or a test spot a repeat.
            message.setHeader("Auto-Submitted", "auto-generated");
            message.setHeader("X-Gerai-Outbox-Id", m.id().toString());
            return message;
        } catch (MessagingException e) {
            throw new MailParseException(e);
        }
    }

    static Duration backoff(int failedAttempts) {
        return BACKOFF.get(Math.min(Math.max(failedAttempts, 1), BACKOFF.size()) - 1);
    }

    /** The kinds of the failure and of its root cause, e.g. {@code MailSendException/ConnectException}: no text. */
    static String errorCode(Throwable e) {
        Throwable inner = e;
        if (e instanceof MailSendException send && send.getMessageExceptions().length > 0) {
            inner = send.getMessageExceptions()[0];
        }
        Throwable root = NestedExceptionUtils.getMostSpecificCause(inner);
        String code = root == e ? e.getClass().getSimpleName() : e.getClass().getSimpleName() + "/" + root.getClass().getSimpleName();
        return code.length() > 200 ? code.substring(0, 200) : code;
    }

    private <T> T acrossTenants(Supplier<T> work) {
        // The scope first: it is applied when the transaction takes its connection.
        return TenantContext.callAcrossTenants(() -> transaction.execute(status -> work.get()));
    }

    /**
     * JavaMail waits forever by default. A hung server would then hold claimed messages past their lease,
     * so bound each wait unless {@code spring.mail.properties.*} says otherwise.
     */
    private static void boundTimeouts(JavaMailSender sender) {
        if (sender instanceof JavaMailSenderImpl impl) {
            String protocol = StringUtils.hasText(impl.getProtocol()) ? impl.getProtocol() : "smtp";
            Properties p = impl.getJavaMailProperties();
            p.putIfAbsent("mail." + protocol + ".connectiontimeout", "10000");
            p.putIfAbsent("mail." + protocol + ".timeout", "20000");
            p.putIfAbsent("mail." + protocol + ".writetimeout", "20000");
        }
    }

    private static InternetAddress address(String from) {
        try {
            InternetAddress address = new InternetAddress(from, true);
            address.validate();
            return address;
        } catch (AddressException e) {
            throw new IllegalStateException("gerai.mail.from (GERAI_MAIL_FROM) is not a valid e-mail address", e);
        }
    }
}
