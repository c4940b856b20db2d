package id.gerai.notification.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import id.gerai.notification.Email;
import id.gerai.notification.TextMessage;
import id.gerai.notification.NotificationQueries;
import id.gerai.notification.Notifications;
import id.gerai.notification.OutboxMessage;
import id.gerai.platform.TenantContext;
import id.gerai.platform.TenantId;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskHolder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The outbox against the embedded PostgreSQL and a real SMTP server (GreenMail) on a free port. The
 * scheduled dispatcher is pushed out of the way (an hour's interval), so each test drives
 * {@link OutboxDispatcher#dispatchNow()} itself. Every test uses a fresh tenant and its own mail domain,
 * since the database and the mail server outlive single tests.
 */
// with the audit module: the outbox's retention records what it deletes
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.DIRECT_DEPENDENCIES)
@TestPropertySource(properties = {"gerai.notification.dispatch-interval=1h", "gerai.notification.batch-size=3"})
class NotificationOutboxTests {

    static final int SMTP_PORT = freePort();
    static GreenMail smtp;

    @DynamicPropertySource
    static void mailServer(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP_PORT);
    }

    @BeforeAll
    static void startSmtp() {
        smtp = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
    }

    @AfterAll
    static void stopSmtp() {
        smtp.stop();
    }

    @Autowired Notifications notifications;
    @Autowired NotificationQueries queries;
    @Autowired EmailDispatcher dispatcher;
    @Autowired OutboxRepository repository;
    @Autowired ObjectProvider<JavaMailSender> senders;
    @Autowired MailSettings mailSettings;
    @Autowired NotificationProperties properties;
    @Autowired PlatformTransactionManager transactions;
    @Autowired JdbcClient jdbc;
    @Autowired ObjectProvider<ScheduledTaskHolder> scheduling;

    TenantId tenant;
    String domain;

    @BeforeEach
    void freshTenantAndMailbox() {
        if (!smtp.isRunning()) {
            startSmtp();
        }
        tenant = new TenantId(UUID.randomUUID());
        domain = "t" + UUID.randomUUID().toString().substring(0, 8) + ".example.id";
    }

    @Test
    void queuedInATransactionThatRollsBackLeavesNothing() {
        String dropped = "batal@" + domain;
        String kept = "jadi@" + domain;
        TransactionTemplate tx = new TransactionTemplate(transactions);

        TenantContext.run(tenant, () -> tx.executeWithoutResult(status -> {
            notifications.queue(new Email(tenant, dropped, "Permohonan diterima", "Tidak jadi."));
            status.setRollbackOnly();
        }));
        assertThatThrownBy(() -> TenantContext.run(tenant, () -> tx.executeWithoutResult(status -> {
            notifications.queue(new Email(tenant, dropped, "Permohonan diterima", "Tidak jadi juga."));
            throw new IllegalStateException("the change failed");
        }))).isInstanceOf(IllegalStateException.class);
        TenantContext.run(tenant, () -> tx.executeWithoutResult(status ->
                notifications.queue(new Email(tenant, kept, "Permohonan diterima", "Jadi."))));

        assertThat(queries.recentTo(dropped, 10)).isEmpty();
        assertThat(queries.recentTo(kept, 10)).singleElement().satisfies(m -> {
            assertThat(m.status()).isEqualTo(OutboxMessage.Status.PENDING);
            assertThat(m.tenant()).isEqualTo(tenant);
        });
        dispatcher.dispatchNow();
        assertThat(smtp.getReceivedMessagesForDomain(domain)).extracting(this::firstRecipient).containsExactly(kept);
    }

    @Test
    void anEventsMailAndTextAreQueuedTogetherAndAnUnusableOneIsLeftOut() {
        String to = "berdua@" + domain;
        String phone = "0812" + (10_000_000 + (int) (Math.random() * 89_999_999));
        TransactionTemplate tx = new TransactionTemplate(transactions);

        int both = TenantContext.call(tenant, () -> tx.execute(s -> notifications.queue(
                new Email(tenant, to, "Permohonan diterima", "Isi surel."), new TextMessage(tenant, phone, "Isi pesan."))));
        assertThat(both).isEqualTo(2);
        assertThat(queries.recentTo(to, 10)).singleElement().satisfies(m -> {
            assertThat(m.channel()).isEqualTo(OutboxMessage.EMAIL);
            assertThat(m.subject()).isEqualTo("Permohonan diterima");
            assertThat(m.body()).isEqualTo("Isi surel.");
            assertThat(m.tenant()).isEqualTo(tenant);
        });
        String e164 = "62" + phone.substring(1);
        assertThat(queries.recentTo(e164, 10)).singleElement().satisfies(m -> {
            assertThat(m.channel()).isEqualTo(OutboxMessage.GATEWAY);
            assertThat(m.subject()).isNull();
            assertThat(m.body()).isEqualTo("Isi pesan.");
        });

        // a number that is not a mobile number costs the text, never the e-mail, and the transaction still commits
        String alone = "sendiri@" + domain;
        int one = TenantContext.call(tenant, () -> tx.execute(s -> notifications.queue(
                new Email(tenant, alone, "Permohonan diterima", "Hanya surel."), new TextMessage(tenant, "12345", "Tidak terkirim."))));
        assertThat(one).isEqualTo(1);
        assertThat(queries.recentTo(alone, 10)).hasSize(1);
        int none = TenantContext.call(tenant, () -> tx.execute(s -> notifications.queue(null, null)));
        assertThat(none).isZero();
    }

    @Test
    void committedMailIsDeliveredWithRecipientSubjectAndBody() throws Exception {
        String to = "Siti.Aminah@" + domain;
        String subject = "Permohonan SIUP Anda disetujui — nomor 7K3-Q9X";
        String body = """
                Yth. Ibu Siti Aminah,

                Permohonan Anda telah disetujui. Retribusi: Rp 50.000 (lunas ✓).
                Unduh dokumen: https://gerai.example/dokumen/7K3-Q9X
                Salam hangat dari Kabupaten Bantul — "Gerai"
                """;
        TenantContext.run(tenant, () -> new TransactionTemplate(transactions).executeWithoutResult(status ->
                notifications.queue(new Email(tenant, " " + to + " ", subject, body))));
        UUID id = queries.recentTo(to, 1).getFirst().id();

        OutboxDispatcher.Result result = dispatcher.dispatchNow();

        assertThat(result.sent()).isGreaterThanOrEqualTo(1);
        MimeMessage[] received = smtp.getReceivedMessagesForDomain(domain);
        assertThat(received).hasSize(1);
        MimeMessage mail = received[0];
        assertThat(firstRecipient(mail)).isEqualTo(to);
        assertThat(mail.getSubject()).isEqualTo(subject);
        // SMTP ends the data with the last line break, so compare all but trailing white space
        assertThat(((String) mail.getContent()).replace("\r\n", "\n").stripTrailing()).isEqualTo(body.stripTrailing());
        assertThat(((InternetAddress) mail.getFrom()[0]).getAddress()).isEqualTo(mailSettings.from());
        assertThat(mail.getHeader("X-Gerai-Outbox-Id")).containsExactly(id.toString());
        assertThat(mail.getContentType()).containsIgnoringCase("charset=UTF-8");

        OutboxMessage row = queries.recentTo(to, 1).getFirst();
        assertThat(row.status()).isEqualTo(OutboxMessage.Status.SENT);
        assertThat(row.sentAt()).isNotNull();
        assertThat(row.attempts()).isZero();
    }

    @Test
    void installationWideMailIsQueuedWithoutTenantAndDelivered() throws Exception {
        String to = "warga@" + domain;
        // a password reset: no tenant in context and none on the mail
        notifications.queue(new Email(null, to, "Atur ulang kata sandi", "Buka https://gerai.example/reset?t=abc"));

        dispatcher.dispatchNow();

        assertThat(smtp.getReceivedMessagesForDomain(domain)).extracting(this::firstRecipient).containsExactly(to);
        assertThat(queries.recentTo(to, 1)).singleElement().satisfies(m -> {
            assertThat(m.tenant()).isNull();
            assertThat(m.status()).isEqualTo(OutboxMessage.Status.SENT);
        });
    }

    @Test
    void whileTheMailServerIsDownMailWaitsAndIsDeliveredWhenDueAfterItIsBack() throws Exception {
        String to = "sabar@" + domain;
        String body = "Rahasia: https://gerai.example/reset?token=JANGAN-BOCOR";
        smtp.stop();
        TenantContext.run(tenant, () -> notifications.queue(new Email(tenant, to, "Coba lagi", body)));
        UUID id = queries.recentTo(to, 1).getFirst().id();

        OutboxDispatcher.Result down = dispatcher.dispatchNow();

        assertThat(down.retrying()).isGreaterThanOrEqualTo(1);
        OutboxMessage waiting = queries.recentTo(to, 1).getFirst();
        assertThat(waiting.status()).isEqualTo(OutboxMessage.Status.PENDING);
        assertThat(waiting.attempts()).isEqualTo(1);
        assertThat(waiting.lastError()).startsWith("Mail").doesNotContain("JANGAN-BOCOR").doesNotContain(to);
        Duration wait = Duration.between(databaseNow(), waiting.nextAttemptAt());
        assertThat(wait).isBetween(Duration.ofSeconds(50), Duration.ofSeconds(61));

        startSmtp();
        dispatcher.dispatchNow();
        assertThat(smtp.getReceivedMessagesForDomain(domain)).as("not due yet").isEmpty();
        assertThat(queries.recentTo(to, 1).getFirst().status()).isEqualTo(OutboxMessage.Status.PENDING);

        makeDue(id);
        dispatcher.dispatchNow();

        assertThat(smtp.getReceivedMessagesForDomain(domain)).extracting(this::firstRecipient).containsExactly(to);
        OutboxMessage sent = queries.recentTo(to, 1).getFirst();
        assertThat(sent.status()).isEqualTo(OutboxMessage.Status.SENT);
        assertThat(sent.attempts()).isEqualTo(1);
    }

    @Test
    void givesUpAfterTheLastAttempt() {
        String to = "gagal@" + domain;
        TenantContext.run(tenant, () -> notifications.queue(new Email(tenant, to, "Tidak sampai", "Isi")));
        UUID id = queries.recentTo(to, 1).getFirst().id();
        TenantContext.runAcrossTenants(() -> jdbc.sql("update notification_outbox set attempts = :a where id = :id")
                .param("a", properties.maxAttempts() - 1).param("id", id).update());
        smtp.stop();

        dispatcher.dispatchNow();

        OutboxMessage failed = queries.recentTo(to, 1).getFirst();
        assertThat(failed.status()).isEqualTo(OutboxMessage.Status.FAILED);
        assertThat(failed.attempts()).isEqualTo(properties.maxAttempts());
        startSmtp();
        makeDue(id);
        dispatcher.dispatchNow();
        assertThat(smtp.getReceivedMessagesForDomain(domain)).as("a failed message is not retried").isEmpty();
    }

    @Test
    void eachChannelIsDispatchedOnTheConfiguredSchedule() {
        for (String dispatcherClass : List.of("EmailDispatcher.scheduled", "GatewayDispatcher.scheduled")) {
            assertThat(scheduling.stream().flatMap(h -> h.getScheduledTasks().stream()))
                    .filteredOn(t -> t.toString().contains(dispatcherClass))
                    .as(dispatcherClass)
                    .singleElement()
                    .satisfies(t -> {
                        assertThat(t.getTask()).isInstanceOf(FixedDelayTask.class);
                        FixedDelayTask task = (FixedDelayTask) t.getTask();
                        assertThat(task.getIntervalDuration()).isEqualTo(Duration.ofHours(1));
                        assertThat(task.getInitialDelayDuration()).isEqualTo(Duration.ofHours(1));
                    });
        }
    }

    @Test
    void waitsLongerAfterEachFailure() {
        assertThat(OutboxDispatcher.backoff(1)).isEqualTo(Duration.ofMinutes(1));
        assertThat(OutboxDispatcher.backoff(2)).isEqualTo(Duration.ofMinutes(5));
        assertThat(OutboxDispatcher.backoff(3)).isEqualTo(Duration.ofMinutes(30));
        assertThat(OutboxDispatcher.backoff(4)).isEqualTo(Duration.ofHours(2));
        assertThat(OutboxDispatcher.backoff(50)).isEqualTo(Duration.ofHours(24));
        assertThat(properties.maxAttempts()).isEqualTo(8);
    }

    @Test
    void concurrentDispatchersNeverSendAMessageTwice() throws Exception {
        int count = 60;
        for (int i = 0; i < count; i++) {
            String to = "antre" + i + "@" + domain;
            TenantContext.run(tenant, () -> notifications.queue(new Email(tenant, to, "Nomor antrean", "Nomor Anda " + to)));
        }
        List<OutboxDispatcher> dispatchers = List.of(dispatcher, anotherDispatcher(), anotherDispatcher(), anotherDispatcher());
        CountDownLatch start = new CountDownLatch(1);
        List<Future<OutboxDispatcher.Result>> runs = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(dispatchers.size())) {
            for (OutboxDispatcher d : dispatchers) {
                runs.add(pool.submit(() -> {
                    start.await();
                    return d.dispatchNow();
                }));
            }
            start.countDown();
            for (Future<OutboxDispatcher.Result> run : runs) {
                run.get();
            }
        }

        MimeMessage[] received = smtp.getReceivedMessagesForDomain(domain);
        List<String> ids = Arrays.stream(received).map(m -> header(m, "X-Gerai-Outbox-Id")).toList();
        assertThat(ids).hasSize(count).doesNotHaveDuplicates();
        assertThat(Arrays.stream(received).map(this::firstRecipient).distinct()).hasSize(count);
        for (int i = 0; i < count; i++) {
            assertThat(queries.recentTo("antre" + i + "@" + domain, 5)).singleElement()
                    .extracting(OutboxMessage::status).isEqualTo(OutboxMessage.Status.SENT);
        }
    }

    @Test
    void refusesAMissingOrMalformedRecipient() {
        for (String bad : new String[] {null, "", "   ", "bukan-alamat", "a@b", "budi@example.id, maling@example.id",
                "budi@example.id\r\nBcc: maling@example.id", "Budi <budi@example.id>", "budi @example.id"}) {
            assertThatThrownBy(() -> notifications.queue(new Email(null, bad, "Subjek", "Isi")))
                    .as("recipient %s", bad).isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> notifications.queue(new Email(null, "budi@" + domain, " ", "Isi")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> notifications.queue(new Email(null, "budi@" + domain, "Subjek", null)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(queries.recentTo("budi@" + domain, 5)).isEmpty();
    }

    @Test
    void tenantsSeeOnlyTheirOwnMessagesAndNoneSeeInstallationWideOnes() {
        TenantId other = new TenantId(UUID.randomUUID());
        String tenantMail = "milik@" + domain;
        String installationMail = "akun@" + domain;
        TenantContext.run(tenant, () -> notifications.queue(new Email(tenant, tenantMail, "Untuk penyewa", "Isi")));
        notifications.queue(new Email(null, installationMail, "Untuk akun", "Isi"));

        assertThat(TenantContext.call(tenant, () -> visible(tenantMail))).isEqualTo(1);
        assertThat(TenantContext.call(other, () -> visible(tenantMail))).isZero();
        assertThat(visible(tenantMail)).as("no tenant in context").isZero();
        assertThat(TenantContext.call(tenant, () -> visible(installationMail))).isZero();
        assertThat(visible(installationMail)).isZero();
        assertThat(TenantContext.callAcrossTenants(() -> visible(installationMail))).isEqualTo(1);

        // the outbox refuses to write another tenant's mail, and the database would refuse it too
        assertThatThrownBy(() -> TenantContext.run(other, () -> notifications.queue(new Email(tenant, tenantMail, "Salah", "Isi"))))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> TenantContext.run(other, () -> repository.insert(List.of(new OutboxRepository.Row(
                UUID.randomUUID(), tenant, "EMAIL", tenantMail, "Salah", "Isi"))))).isInstanceOf(DataAccessException.class);
        assertThat(TenantContext.call(tenant, () -> visible(tenantMail))).isEqualTo(1);
    }

    private int visible(String recipient) {
        return jdbc.sql("select count(*) from notification_outbox where recipient = :r").param("r", recipient)
                .query(Integer.class).single();
    }

    private void makeDue(UUID id) {
        TenantContext.runAcrossTenants(() -> jdbc.sql(
                        "update notification_outbox set next_attempt_at = now() - interval '1 second' where id = :id")
                .param("id", id).update());
    }

    private Instant databaseNow() {
        return jdbc.sql("select now()").query(java.sql.Timestamp.class).single().toInstant();
    }

    private OutboxDispatcher anotherDispatcher() {
        return new EmailDispatcher(repository, senders, "127.0.0.1", mailSettings, properties, transactions);
    }

    private String firstRecipient(MimeMessage m) {
        try {
            return ((InternetAddress) m.getAllRecipients()[0]).getAddress();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String header(MimeMessage m, String name) {
        try {
            return m.getHeader(name)[0];
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
