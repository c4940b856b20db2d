package id.gerai.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistrar;

/**
 * A real SMTP server (GreenMail) for the shared integration-test context, started once per JVM on a free
 * port: the outbox dispatcher delivers every queued e-mail to it, so tests can check what reached a mailbox.
 * Registered as dynamic properties by a bean, so every {@link GeraiIntegrationTest} class keeps sharing one context.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestMailServer {

    private static GreenMail server;

    static synchronized GreenMail server() {
        if (server == null) {
            int port;
            try (ServerSocket s = new ServerSocket(0)) {
                port = s.getLocalPort();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            server.start();
        }
        return server;
    }

    @Bean
    DynamicPropertyRegistrar testMailServerProperties() {
        return registry -> {
            registry.add("spring.mail.host", () -> "127.0.0.1");
            registry.add("spring.mail.port", () -> server().getSmtp().getPort());
            registry.add("gerai.notification.dispatch-interval", () -> "500ms");
        };
    }

    /** The messages delivered to {@code address} so far, oldest first. */
    public static List<MimeMessage> receivedBy(String address) {
        return Arrays.stream(server().getReceivedMessages()).filter(m -> {
            try {
                return Arrays.stream(m.getRecipients(Message.RecipientType.TO)).anyMatch(a -> a.toString().equalsIgnoreCase(address));
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    /** Waits until {@code address} received at least {@code count} messages (or the timeout passes) and returns them. */
    public static List<MimeMessage> awaitReceived(String address, int count, Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        List<MimeMessage> got = receivedBy(address);
        while (got.size() < count && System.nanoTime() < end) {
            Thread.sleep(100);
            got = receivedBy(address);
        }
        return got;
    }

    public static String subject(MimeMessage m) {
        try {
            return m.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
