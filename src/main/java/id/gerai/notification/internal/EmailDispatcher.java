package id.gerai.notification.internal;

import id.gerai.platform.Masking;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
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
import org.springframework.util.StringUtils;

/**
 * Delivers the outbox's e-mail over SMTP (claiming, retries and giving up: {@link OutboxDispatcher}). A
 * message that cannot even be built is undeliverable; every other failure is retried.
 *
 * <p>Without {@code spring.mail.host} delivery is off and messages stay {@code PENDING}: the demo
 * mailbox shows them. Spring Boot creates a mail sender even for a blank host, so the host is checked
 * here rather than the bean's presence.
 */
@Component
class EmailDispatcher extends OutboxDispatcher {

    private static final Logger log = LoggerFactory.getLogger(EmailDispatcher.class);

    private final JavaMailSender mail;
    private final InternetAddress from;

    EmailDispatcher(OutboxRepository outbox, ObjectProvider<JavaMailSender> senders, @Value("${spring.mail.host:}") String host,
                    MailSettings mailSettings, NotificationProperties settings, PlatformTransactionManager transactions) {
        super(OutboxRepository.EMAIL, outbox, settings, transactions);
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
        round();
    }

    @Override
    boolean enabled() {
        return mail != null;
    }

    @Override
    void deliver(OutboxRepository.Claimed m) {
        mail.send(mimeMessage(m));
    }

    @Override
    Failure failure(RuntimeException e) {
        return new Failure(errorCode(e), e instanceof MailParseException || e instanceof MailPreparationException);
    }

    @Override
    String masked(String recipient) {
        return Masking.email(recipient);
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

    /** The kinds of the failure and of its root cause, e.g. {@code MailSendException/ConnectException}: no text. */
    static String errorCode(Throwable e) {
        Throwable inner = e;
        if (e instanceof MailSendException send && send.getMessageExceptions().length > 0) {
            inner = send.getMessageExceptions()[0];
        }
        Throwable root = NestedExceptionUtils.getMostSpecificCause(inner);
        return root == e ? e.getClass().getSimpleName() : e.getClass().getSimpleName() + "/" + root.getClass().getSimpleName();
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
