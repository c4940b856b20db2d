package id.gerai.notification.internal;

import id.gerai.platform.Masking;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Delivers the outbox's text messages (SMS/WhatsApp) through an HTTP gateway: one POST per message, its body
 * filled from {@code gerai.notification.gateway.body-template} (claiming, retries and giving up:
 * {@link OutboxDispatcher}).
 *
 * <p>A 2xx answer means sent. A 4xx answer other than 408 and 429 means the gateway refuses this message
 * (a number it does not serve, a text it does not take), so it is marked {@code FAILED} at once; beware
 * that a wrong or expired credential (401, 403) fails each message it touches the same way. A 5xx, 408 or
 * 429 answer, a redirect (never followed: the request carries credentials), a timeout or a broken
 * connection is retried with back-off. The answer's body is never read: it may echo the message.
 *
 * <p>Without {@code gerai.notification.gateway.url} delivery is off and text messages stay {@code PENDING}.
 */
@Component
class GatewayDispatcher extends OutboxDispatcher implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(GatewayDispatcher.class);

    /** A gateway's answer other than 2xx. */
    static final class GatewayStatus extends RuntimeException {
        final int status;

        GatewayStatus(int status) {
            super("HTTP " + status, null, false, false);
            this.status = status;
        }
    }

    private final GatewaySettings gateway;
    private final GatewayBody body;
    private final HttpClient http;

    GatewayDispatcher(OutboxRepository outbox, GatewaySettings gateway, NotificationProperties settings,
                      PlatformTransactionManager transactions) {
        super(OutboxRepository.GATEWAY, outbox, settings, transactions);
        this.gateway = gateway;
        if (!gateway.enabled()) {
            this.body = null;
            this.http = null;
            log.info("Text message (SMS/WhatsApp) delivery is off: gerai.notification.gateway.url (GERAI_SMS_GATEWAY_URL) "
                    + "is not set. Messages stay PENDING in the outbox (listed at /demo/mailbox in demo mode).");
            return;
        }
        this.body = GatewayBody.of(gateway.bodyTemplate(), gateway.encoding());
        request(URI.create("http://localhost/"), "", "check"); // refuses a header the HTTP client may not send
        this.http = HttpClient.newBuilder()
                .connectTimeout(gateway.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                // a plain-http gateway behind a proxy may choke on an h2c upgrade; these are single small POSTs
                .version(HttpClient.Version.HTTP_1_1)
                .build();
        log.info("Text message (SMS/WhatsApp) delivery is on via gateway {}", gateway.safeUrl());
    }

    /** Sends what is due, batch after batch, until nothing is. */
    @Scheduled(initialDelayString = "${gerai.notification.dispatch-interval:2s}",
            fixedDelayString = "${gerai.notification.dispatch-interval:2s}")
    void scheduled() {
        round();
    }

    @Override
    boolean enabled() {
        return http != null;
    }

    @Override
    void deliver(OutboxRepository.Claimed m) {
        String content = body.render(Map.of("to", m.recipient(), "text", m.body(), "id", m.id().toString()));
        HttpResponse<Void> response;
        try {
            response = http.send(request(gateway.endpoint(), content, m.id().toString()), HttpResponse.BodyHandlers.discarding());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while sending", e);
        }
        if (response.statusCode() / 100 != 2) {
            throw new GatewayStatus(response.statusCode());
        }
    }

    @Override
    Failure failure(RuntimeException e) {
        if (e instanceof GatewayStatus s) {
            boolean refused = s.status / 100 == 4 && s.status != 408 && s.status != 429;
            return new Failure(s.getMessage(), refused);
        }
        Throwable cause = e instanceof UncheckedIOException io ? io.getCause() : e;
        return new Failure(cause.getClass().getSimpleName(), false);
    }

    @Override
    String masked(String recipient) {
        return Masking.phone(recipient);
    }

    private HttpRequest request(URI uri, String content, String outboxId) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .timeout(gateway.requestTimeout())
                .header("Content-Type", gateway.contentType())
                .header("X-Gerai-Outbox-Id", outboxId)
                .POST(HttpRequest.BodyPublishers.ofString(content, StandardCharsets.UTF_8));
        gateway.headers().forEach((name, value) -> {
            try {
                request.header(name, value);
            } catch (IllegalArgumentException e) {
                throw GatewaySettings.invalid("headers." + name, "not a header the HTTP client may send");
            }
        });
        return request.build();
    }

    @Override
    public void close() {
        if (http != null) {
            http.close();
        }
    }
}
