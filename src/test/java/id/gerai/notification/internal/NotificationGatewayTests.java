package id.gerai.notification.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import id.gerai.notification.Email;
import id.gerai.notification.NotificationQueries;
import id.gerai.notification.Notifications;
import id.gerai.notification.OutboxMessage;
import id.gerai.notification.TextMessage;
import id.gerai.platform.Masking;
import id.gerai.platform.TenantContext;
import id.gerai.platform.TenantId;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Text messages through the HTTP gateway, against the embedded PostgreSQL and a real HTTP server (the JDK's)
 * on a free port that records what it receives and answers as each test tells it. As in
 * {@link NotificationOutboxTests} the scheduled dispatcher is pushed out of the way and each test drives
 * {@link GatewayDispatcher#dispatchNow()} itself. The server outlives single tests and the dispatcher sends
 * every due text of the database, so each test uses its own phone number and looks only at requests for it.
 */
// with the audit module: the outbox's retention records what it deletes
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.DIRECT_DEPENDENCIES)
@AutoConfigureMockMvc(addFilters = false)
@ExtendWith(OutputCaptureExtension.class)
@TestPropertySource(properties = {"gerai.notification.dispatch-interval=1h", "gerai.demo.enabled=true", "spring.mail.host=",
        "gerai.notification.gateway.headers.Authorization=Bearer token-rahasia-123",
        "logging.level.id.gerai.notification=DEBUG"})
class NotificationGatewayTests {

    static final FakeGateway GATEWAY = FakeGateway.start();
    static final String API_KEY = "kunci-di-url-987";

    @DynamicPropertySource
    static void gateway(DynamicPropertyRegistry registry) {
        registry.add("gerai.notification.gateway.url", () -> GATEWAY.url("/kirim?apikey=" + API_KEY));
    }

    @AfterAll
    static void stopGateway() {
        GATEWAY.close();
    }

    @Autowired Notifications notifications;
    @Autowired NotificationQueries queries;
    @Autowired GatewayDispatcher dispatcher;
    @Autowired GatewaySettings settings;
    @Autowired OutboxRepository repository;
    @Autowired NotificationProperties properties;
    @Autowired PlatformTransactionManager transactions;
    @Autowired JdbcClient jdbc;
    @Autowired MockMvc mvc;

    TenantId tenant;
    /** This test's number as a person types it, and as E.164 digits. */
    String typed;
    String phone;

    @BeforeEach
    void freshTenantAndNumber() {
        tenant = new TenantId(UUID.randomUUID());
        String subscriber = String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
        typed = "0812-" + subscriber.substring(0, 4) + "-" + subscriber.substring(4);
        phone = "62812" + subscriber;
    }

    @Test
    void aQueuedTextIsPostedWithTheTemplateAndHeadersAndMarkedSent() {
        String text = "Yth. Bapak \"Budi\",\npermohonan 7K3-Q9X disetujui \\ lunas ✓ {{to}}";
        TenantContext.run(tenant, () -> notifications.queue(new TextMessage(tenant, typed, text)));
        OutboxMessage queued = queries.recentTo(typed, 1).getFirst();
        assertThat(queued.channel()).isEqualTo(OutboxMessage.GATEWAY);
        assertThat(queued.recipient()).isEqualTo(phone);
        assertThat(queued.subject()).isNull();

        OutboxDispatcher.Result result = dispatcher.dispatchNow();

        assertThat(result.sent()).isGreaterThanOrEqualTo(1);
        FakeGateway.Request request = single(GATEWAY.to(phone));
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEqualTo("/kirim");
        assertThat(request.query()).isEqualTo("apikey=" + API_KEY);
        assertThat(request.header("Content-Type")).isEqualTo("application/json");
        assertThat(request.header("Authorization")).isEqualTo("Bearer token-rahasia-123");
        assertThat(request.header("X-Gerai-Outbox-Id")).isEqualTo(queued.id().toString());
        assertThat(request.body()).isEqualTo("{\"to\":\"" + phone + "\",\"text\":\"Yth. Bapak \\\"Budi\\\",\\npermohonan 7K3-Q9X "
                + "disetujui \\\\ lunas ✓ {{to}}\"}");
        JsonNode json = JsonMapper.shared().readTree(request.body());
        assertThat(json.get("to").asString()).isEqualTo(phone);
        assertThat(json.get("text").asString()).isEqualTo(text);

        OutboxMessage sent = queries.recentTo(phone, 1).getFirst();
        assertThat(sent.status()).isEqualTo(OutboxMessage.Status.SENT);
        assertThat(sent.sentAt()).isNotNull();
        assertThat(sent.attempts()).isZero();
        assertThat(sent.tenant()).isEqualTo(tenant);
    }

    @Test
    void aFormEncodedGatewayGetsEachValueEncoded() {
        notifications.queue(new TextMessage(null, "+62 " + phone.substring(2), "Kode Anda: 12 & 34=ok\nJangan dibagikan."));
        UUID id = queries.recentTo(phone, 1).getFirst().id();
        GatewaySettings form = new GatewaySettings(GATEWAY.url("/form"), "to={{to}}&msg={{text}}&ref={{id}}",
                "application/x-www-form-urlencoded", Map.of("X-Api-Key", "k"), Duration.ofSeconds(5), Duration.ofSeconds(5));

        try (GatewayDispatcher formDispatcher = dispatcherWith(form)) {
            formDispatcher.dispatchNow();
        }

        FakeGateway.Request request = single(GATEWAY.to(phone));
        assertThat(request.path()).isEqualTo("/form");
        assertThat(request.header("Content-Type")).isEqualTo("application/x-www-form-urlencoded");
        assertThat(request.header("X-Api-Key")).isEqualTo("k");
        assertThat(request.body()).isEqualTo("to=" + phone + "&msg=Kode+Anda%3A+12+%26+34%3Dok%0AJangan+dibagikan.&ref=" + id);
        Map<String, String> fields = Arrays.stream(request.body().split("&")).map(f -> f.split("=", 2))
                .collect(Collectors.toMap(f -> f[0], f -> URLDecoder.decode(f[1], StandardCharsets.UTF_8)));
        assertThat(fields).containsExactlyInAnyOrderEntriesOf(Map.of("to", phone, "msg", "Kode Anda: 12 & 34=ok\nJangan dibagikan.",
                "ref", id.toString()));
        assertThat(queries.recentTo(phone, 1).getFirst().status()).isEqualTo(OutboxMessage.Status.SENT);
    }

    @Test
    void aServerErrorIsRetriedWithBackOffThenSent() {
        GATEWAY.answer(phone, 500, 200);
        TenantContext.run(tenant, () -> notifications.queue(new TextMessage(tenant, typed, "Coba lagi")));
        UUID id = queries.recentTo(phone, 1).getFirst().id();

        OutboxDispatcher.Result down = dispatcher.dispatchNow();

        assertThat(down.retrying()).isGreaterThanOrEqualTo(1);
        OutboxMessage waiting = queries.recentTo(phone, 1).getFirst();
        assertThat(waiting.status()).isEqualTo(OutboxMessage.Status.PENDING);
        assertThat(waiting.attempts()).isEqualTo(1);
        assertThat(waiting.lastError()).isEqualTo("HTTP 500");
        assertThat(Duration.between(databaseNow(), waiting.nextAttemptAt())).isBetween(Duration.ofSeconds(50), Duration.ofSeconds(61));

        dispatcher.dispatchNow();
        assertThat(GATEWAY.to(phone)).as("not due yet").hasSize(1);

        makeDue(id);
        dispatcher.dispatchNow();

        assertThat(GATEWAY.to(phone)).hasSize(2).extracting(r -> r.header("X-Gerai-Outbox-Id")).containsOnly(id.toString());
        OutboxMessage sent = queries.recentTo(phone, 1).getFirst();
        assertThat(sent.status()).isEqualTo(OutboxMessage.Status.SENT);
        assertThat(sent.attempts()).isEqualTo(1);
    }

    @Test
    void throttlingTimeoutsAndUnreachableGatewaysAreRetried() {
        for (int status : new int[] {408, 429, 502, 503}) {
            String number = phone.substring(0, phone.length() - 3) + status;
            GATEWAY.answer(number, status);
            notifications.queue(new TextMessage(null, number, "Status " + status));
        }
        dispatcher.dispatchNow();
        for (int status : new int[] {408, 429, 502, 503}) {
            OutboxMessage m = queries.recentTo(phone.substring(0, phone.length() - 3) + status, 1).getFirst();
            assertThat(m.status()).as("answer %s", status).isEqualTo(OutboxMessage.Status.PENDING);
            assertThat(m.lastError()).isEqualTo("HTTP " + status);
            assertThat(m.attempts()).isEqualTo(1);
        }

        notifications.queue(new TextMessage(null, phone, "Lambat"));
        GATEWAY.answer(phone, FakeGateway.HANG);
        GatewaySettings impatient = new GatewaySettings(settings.url(), settings.bodyTemplate(), settings.contentType(),
                Map.of(), Duration.ofSeconds(2), Duration.ofMillis(300));
        try (GatewayDispatcher d = dispatcherWith(impatient)) {
            d.dispatchNow();
        }
        assertThat(queries.recentTo(phone, 1).getFirst()).satisfies(m -> {
            assertThat(m.status()).isEqualTo(OutboxMessage.Status.PENDING);
            assertThat(m.lastError()).isEqualTo("HttpTimeoutException");
        });

        makeDue(queries.recentTo(phone, 1).getFirst().id());
        GatewaySettings nobodyThere = new GatewaySettings("http://127.0.0.1:" + closedPort() + "/kirim", settings.bodyTemplate(),
                settings.contentType(), Map.of(), Duration.ofSeconds(2), Duration.ofSeconds(2));
        try (GatewayDispatcher d = dispatcherWith(nobodyThere)) {
            d.dispatchNow();
        }
        assertThat(queries.recentTo(phone, 1).getFirst()).satisfies(m -> {
            assertThat(m.status()).isEqualTo(OutboxMessage.Status.PENDING);
            assertThat(m.attempts()).isEqualTo(2);
            assertThat(m.lastError()).isEqualTo("ConnectException");
        });
    }

    @Test
    void aMessageTheGatewayRefusesFailsAtOnceAndIsNotTriedAgain() {
        GATEWAY.answer(phone, 400, 200);
        TenantContext.run(tenant, () -> notifications.queue(new TextMessage(tenant, phone, "Ditolak")));
        UUID id = queries.recentTo(phone, 1).getFirst().id();

        OutboxDispatcher.Result result = dispatcher.dispatchNow();

        assertThat(result.failed()).isGreaterThanOrEqualTo(1);
        OutboxMessage failed = queries.recentTo(phone, 1).getFirst();
        assertThat(failed.status()).isEqualTo(OutboxMessage.Status.FAILED);
        assertThat(failed.attempts()).isEqualTo(1);
        assertThat(failed.lastError()).isEqualTo("HTTP 400");
        makeDue(id);
        dispatcher.dispatchNow();
        assertThat(GATEWAY.to(phone)).as("a refused message is not sent again").hasSize(1);
    }

    @Test
    void givesUpAfterTheLastAttempt() {
        GATEWAY.answer(phone, 503);
        notifications.queue(new TextMessage(null, phone, "Terakhir"));
        UUID id = queries.recentTo(phone, 1).getFirst().id();
        TenantContext.runAcrossTenants(() -> jdbc.sql("update notification_outbox set attempts = :a where id = :id")
                .param("a", properties.maxAttempts() - 1).param("id", id).update());

        dispatcher.dispatchNow();

        OutboxMessage failed = queries.recentTo(phone, 1).getFirst();
        assertThat(failed.status()).isEqualTo(OutboxMessage.Status.FAILED);
        assertThat(failed.attempts()).isEqualTo(properties.maxAttempts());
    }

    @Test
    void withoutAGatewayUrlTextsStayPending() {
        TenantContext.run(tenant, () -> notifications.queue(new TextMessage(tenant, typed, "Menunggu")));
        GatewaySettings off = new GatewaySettings(" ", GatewaySettings.DEFAULT_TEMPLATE, "application/json", null,
                Duration.ofSeconds(1), Duration.ofSeconds(1));

        try (GatewayDispatcher d = dispatcherWith(off)) {
            assertThat(d.dispatchNow()).isEqualTo(OutboxDispatcher.Result.NONE);
        }

        assertThat(GATEWAY.to(phone)).isEmpty();
        assertThat(queries.recentTo(phone, 1)).singleElement().satisfies(m -> {
            assertThat(m.status()).isEqualTo(OutboxMessage.Status.PENDING);
            assertThat(m.attempts()).isZero();
        });
    }

    @Test
    void refusesNumbersThatAreNotIndonesianMobileNumbersAndBlankTexts() {
        for (String bad : new String[] {null, "", "   ", "bukan nomor", "021-5551234", "+1 415 555 0100", "0812", "08123",
                "0812345678901234", "0812-3456-789x", "+62+8123456789", "62812345678\nBcc", "0812/3456/7890", "8123456789"}) {
            assertThatThrownBy(() -> notifications.queue(new TextMessage(null, bad, "Isi")))
                    .as("number %s", bad).isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> notifications.queue(new TextMessage(null, phone, " ")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> notifications.queue(new TextMessage(null, phone, null)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> notifications.queue(new TextMessage(null, phone, "x".repeat(Notifications.TEXT_MAX + 1))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(queries.recentTo(phone, 5)).isEmpty();

        // the ways people write one number all reach it
        String subscriber = phone.substring(5);
        String spaced = subscriber.substring(0, 4) + " " + subscriber.substring(4);
        for (String same : new String[] {"0812" + subscriber, "+62 812 " + spaced, "(0812) " + spaced, "62812" + subscriber,
                "+62-812-" + subscriber.substring(0, 4) + "-" + subscriber.substring(4)}) {
            notifications.queue(new TextMessage(null, same, "Sama"));
        }
        assertThat(queries.recentTo(phone, 10)).hasSize(5).extracting(OutboxMessage::recipient).containsOnly(phone);
    }

    @Test
    void aRefusedNumberDoesNotSpoilTheCallersTransaction() {
        String mail = "tetap@" + phone + ".example.id";
        TenantContext.run(tenant, () -> new TransactionTemplate(transactions).executeWithoutResult(status -> {
            notifications.queue(new Email(tenant, mail, "Permohonan diterima", "Isi"));
            assertThatThrownBy(() -> notifications.queue(new TextMessage(tenant, "021-5551234", "Telepon rumah")))
                    .isInstanceOf(IllegalArgumentException.class);
            notifications.queue(new TextMessage(tenant, typed, "Permohonan diterima"));
        }));

        assertThat(queries.recentTo(mail, 1)).hasSize(1);
        assertThat(queries.recentTo(phone, 1)).hasSize(1);
    }

    @Test
    void aTextForATenantIsQueuedOnlyInThatTenantsScope() {
        TenantId other = new TenantId(UUID.randomUUID());
        assertThatThrownBy(() -> TenantContext.run(other, () -> notifications.queue(new TextMessage(tenant, phone, "Salah"))))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> notifications.queue(new TextMessage(tenant, phone, "Tanpa lingkup")))
                .isInstanceOf(IllegalStateException.class);
        assertThat(queries.recentTo(phone, 5)).isEmpty();
    }

    @Test
    void logsNeverCarryTheTextTheFullNumberOrTheGatewaysSecrets(CapturedOutput output) {
        String secret = "kode-rahasia-" + UUID.randomUUID();
        GATEWAY.answer(phone, 503, 400);
        TenantContext.run(tenant, () -> notifications.queue(new TextMessage(tenant, typed, "OTP " + secret)));
        dispatcher.dispatchNow();
        makeDue(queries.recentTo(phone, 1).getFirst().id());
        dispatcher.dispatchNow();

        assertThat(queries.recentTo(phone, 1).getFirst().status()).isEqualTo(OutboxMessage.Status.FAILED);
        assertThat(output.getAll()).contains(Masking.phone(phone))
                .contains("HTTP 503", "HTTP 400")
                .doesNotContain(secret, phone, typed, API_KEY, "token-rahasia-123");
        assertThat(settings.toString()).doesNotContain(API_KEY, "token-rahasia-123").contains("Authorization");
    }

    @Test
    void theDemoMailboxIsGoneOnceTextsReachRealPhones() throws Exception {
        notifications.queue(new TextMessage(null, phone, "Tidak untuk umum"));
        mvc.perform(get("/demo/mailbox")).andExpect(status().isNotFound());
    }

    private GatewayDispatcher dispatcherWith(GatewaySettings gateway) {
        return new GatewayDispatcher(repository, gateway, properties, transactions);
    }

    private void makeDue(UUID id) {
        TenantContext.runAcrossTenants(() -> jdbc.sql(
                        "update notification_outbox set next_attempt_at = now() - interval '1 second' where id = :id")
                .param("id", id).update());
    }

    private Instant databaseNow() {
        return jdbc.sql("select now()").query(java.sql.Timestamp.class).single().toInstant();
    }

    private static FakeGateway.Request single(List<FakeGateway.Request> requests) {
        assertThat(requests).hasSize(1);
        return requests.getFirst();
    }

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * An HTTP server that records every request and answers 200, or what {@link #answer} queued for requests
     * whose body names a number. Its error answers echo the request, as real gateways do, so a test sees
     * whether the dispatcher leaks the answer into the log.
     */
    static final class FakeGateway implements AutoCloseable {

        /** An "answer" that never comes: the handler waits until the client gives up. */
        static final int HANG = -1;

        record Request(String method, String path, String query, Map<String, String> headers, String body) {
            String header(String name) {
                return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name)).map(Map.Entry::getValue)
                        .findFirst().orElse(null);
            }
        }

        private final HttpServer server;
        private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
        private final List<Request> received = new CopyOnWriteArrayList<>();
        private final Map<String, Deque<Integer>> answers = new ConcurrentHashMap<>();

        private FakeGateway(HttpServer server) {
            this.server = server;
        }

        static FakeGateway start() {
            try {
                HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
                FakeGateway gateway = new FakeGateway(server);
                server.createContext("/", gateway::handle);
                server.setExecutor(gateway.executor);
                server.start();
                return gateway;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        String url(String pathAndQuery) {
            return "http://127.0.0.1:" + server.getAddress().getPort() + pathAndQuery;
        }

        /** Answers the next requests for this number with these statuses, one each, then 200. */
        void answer(String phone, int... statuses) {
            Deque<Integer> queue = new ArrayDeque<>();
            for (int s : statuses) {
                queue.add(s);
            }
            answers.put(phone, queue);
        }

        List<Request> to(String phone) {
            return received.stream().filter(r -> r.body().contains(phone)).toList();
        }

        private void handle(HttpExchange exchange) throws IOException {
            try (exchange) {
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                Map<String, String> headers = new LinkedHashMap<>();
                exchange.getRequestHeaders().forEach((k, v) -> headers.put(k, String.join(",", v)));
                received.add(new Request(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                        exchange.getRequestURI().getRawQuery(), headers, body));
                int status = answers.entrySet().stream().filter(e -> body.contains(e.getKey())).findFirst()
                        .map(e -> e.getValue().poll()).filter(s -> s != null).orElse(200);
                if (status == HANG) {
                    try {
                        Thread.sleep(5_000);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return;
                }
                byte[] answer = (status / 100 == 2 ? "{\"status\":\"queued\"}" : "{\"error\":\"rejected\",\"request\":" + body + "}")
                        .getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(status, answer.length);
                exchange.getResponseBody().write(answer);
            }
        }

        @Override
        public void close() {
            server.stop(0);
            executor.shutdownNow();
        }
    }
}
