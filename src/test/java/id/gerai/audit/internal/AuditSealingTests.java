package id.gerai.audit.internal;

import static id.gerai.audit.internal.AuditDatabase.freshTenant;
import static org.assertj.core.api.Assertions.assertThat;

import id.gerai.audit.AuditLog;
import id.gerai.audit.AuditVerifier;
import id.gerai.audit.VerificationResult;
import id.gerai.audit.internal.AuditDatabase.Sealed;
import id.gerai.platform.TenantContext;
import id.gerai.platform.TenantId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Sealing links committed rows into gap-free chains, per tenant, without making writers wait. */
@ApplicationModuleTest
class AuditSealingTests {

    /** The sealed records with their place in their chain. */
    private static final String SEALED = "(select r.*, s.chain, s.chain_seq from audit_record r join audit_seal s on s.record_id = r.id)";

    @Autowired AuditLog auditLog;
    @Autowired AuditSealer sealer;
    @Autowired AuditVerifier verifier;
    @Autowired JdbcClient jdbc;
    @Autowired DataSource dataSource;
    @Autowired PlatformTransactionManager transactions;

    AuditDatabase db;

    @BeforeEach
    void setUp() {
        db = new AuditDatabase(dataSource, jdbc, transactions);
    }

    @Test
    void sealingBuildsOneLinkedChainPerTenant() {
        TenantId a = freshTenant();
        TenantId b = freshTenant();
        for (int i = 0; i < 5; i++) {
            db.record(auditLog, a, "test.a." + i, Map.of("i", i));
            db.record(auditLog, b, "test.b." + i, Map.of("i", i));
        }
        sealer.seal(true);

        for (TenantId tenant : List.of(a, b)) {
            List<Sealed> chain = db.chain(tenant.toString());
            assertThat(chain).hasSize(5);
            assertThat(chain).extracting(Sealed::seq).containsExactly(1L, 2L, 3L, 4L, 5L);
            assertThat(chain.getFirst().prevHash()).isEqualTo(ChainHash.GENESIS);
            for (int i = 1; i < chain.size(); i++) {
                assertThat(chain.get(i).prevHash()).isEqualTo(chain.get(i - 1).hash());
                assertThat(chain.get(i).id()).isGreaterThan(chain.get(i - 1).id());
            }
            assertThat(chain).extracting(Sealed::hash).allMatch(h -> h.matches("[0-9a-f]{64}")).doesNotHaveDuplicates();
            VerificationResult result = verifier.verify(tenant);
            assertThat(result.ok()).isTrue();
            assertThat(result.chains()).singleElement().satisfies(c -> {
                assertThat(c.chain()).isEqualTo(tenant.toString());
                assertThat(c.rowsChecked()).isEqualTo(5);
                assertThat(c.headSeq()).isEqualTo(5);
            });
        }
        assertThat(db.count("select last_seq from audit_chain where chain = ?", a.toString())).isEqualTo(5);

        VerificationResult all = verifier.verify(null);
        for (TenantId tenant : List.of(a, b)) {
            assertThat(all.chain(tenant.toString())).hasValueSatisfying(c -> {
                assertThat(c.ok()).isTrue();
                assertThat(c.rowsChecked()).isEqualTo(5);
            });
        }
        assertThat(all.chain(AuditVerifier.PLATFORM_CHAIN)).isPresent();
    }

    @Test
    void installationWideRecordsFormThePlatformChain() {
        String action = "test.platform." + UUID.randomUUID();
        db.record(auditLog, null, action, Map.of("x", 1));
        db.record(auditLog, null, action, Map.of("x", 2));
        sealer.seal(true);

        List<Long> seqs = TenantContext.callAcrossTenants(() -> jdbc.sql(
                        "select chain_seq from " + SEALED + " x where action = ? and chain = 'platform' order by id")
                .param(action).query(Long.class).list());
        assertThat(seqs).hasSize(2);
        assertThat(seqs.get(1)).isEqualTo(seqs.get(0) + 1);
        VerificationResult platform = verifier.verifyPlatform();
        assertThat(platform.ok()).isTrue();
        assertThat(platform.chains()).singleElement().satisfies(c -> {
            assertThat(c.chain()).isEqualTo(AuditVerifier.PLATFORM_CHAIN);
            assertThat(c.rowsChecked()).isGreaterThanOrEqualTo(2);
        });
    }

    @Test
    void chainOrderIsTransactionOrderEvenWhenAnOlderTransactionCommitsLast() throws Exception {
        TenantId tenant = freshTenant();
        CountDownLatch inserted = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService executor = Executors.newSingleThreadExecutor();
        try {
            Future<?> slow = executor.submit(() -> TenantContext.run(tenant, () ->
                    new TransactionTemplate(transactions).executeWithoutResult(s -> {
                        auditLog.record(id.gerai.audit.AuditEvent.of(tenant, "test.slow", "thing", 1, null, null));
                        inserted.countDown();
                        await(release);
                    })));
            assertThat(inserted.await(10, TimeUnit.SECONDS)).isTrue();
            db.record(auditLog, tenant, "test.fast.1", null);
            db.record(auditLog, tenant, "test.fast.2", null);

            sealer.seal(true);
            // The later rows are committed, but sealing them now would put the older transaction's row behind them.
            assertThat(db.chain(tenant.toString())).isEmpty();
            assertThat(verifier.verify(tenant).pendingRows()).isEqualTo(2);

            release.countDown();
            slow.get(10, TimeUnit.SECONDS);
        } finally {
            release.countDown();
            executor.shutdown();
        }
        sealer.seal(true);
        List<String> actions = TenantContext.callAcrossTenants(() -> jdbc.sql(
                        "select action from " + SEALED + " x where chain = ? order by chain_seq")
                .param(tenant.toString()).query(String.class).list());
        assertThat(actions).containsExactly("test.slow", "test.fast.1", "test.fast.2");
        assertThat(verifier.verify(tenant).ok()).isTrue();
    }

    @Test
    void concurrentWritersInTwoTenantsAreAllSealedIntoGapFreeChains() throws Exception {
        TenantId[] tenants = {freshTenant(), freshTenant()};
        int writers = 8;
        int perWriter = 200;
        ExecutorService pool = Executors.newFixedThreadPool(writers + 1);
        AtomicBoolean writing = new AtomicBoolean(true);
        try {
            // Seal all the while, so blocks are cut while transactions are in flight.
            Future<Integer> sealing = pool.submit(() -> {
                int sealed = 0;
                while (writing.get()) {
                    sealed += sealer.seal(false);
                    Thread.sleep(5);
                }
                return sealed;
            });
            List<Future<?>> work = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                TenantId tenant = tenants[w % 2];
                int writer = w;
                work.add(pool.submit(() -> {
                    for (int i = 0; i < perWriter; i++) {
                        db.record(auditLog, tenant, "test.concurrent", Map.of("writer", writer, "i", i));
                    }
                }));
            }
            for (Future<?> f : work) {
                f.get(5, TimeUnit.MINUTES);
            }
            writing.set(false);
            sealing.get(1, TimeUnit.MINUTES);
        } finally {
            writing.set(false);
            pool.shutdownNow();
        }
        sealer.seal(true);

        long expected = (long) writers / 2 * perWriter;
        for (TenantId tenant : tenants) {
            String chain = tenant.toString();
            assertThat(db.count("""
                    select count(*) from audit_record r where tenant_id = ?
                    and not exists (select 1 from audit_seal s where s.record_id = r.id)""", tenant.value())).isZero();
            assertThat(db.count("select count(*) from " + SEALED + " x where tenant_id = ? and chain = ?", tenant.value(), chain))
                    .isEqualTo(expected);
            assertThat(db.count("select count(distinct chain_seq) from audit_seal where chain = ?", chain)).isEqualTo(expected);
            assertThat(db.count("select min(chain_seq) from audit_seal where chain = ?", chain)).isEqualTo(1);
            assertThat(db.count("select max(chain_seq) from audit_seal where chain = ?", chain)).isEqualTo(expected);
            // Chain order follows commit safety, not arrival: within one writer, its rows keep their order.
            assertThat(db.count("""
                    select count(*) from %1$s a join %1$s b
                      on a.chain = b.chain and (a.after_data ->> 'writer') = (b.after_data ->> 'writer')
                     and (a.after_data ->> 'i')::int + 1 = (b.after_data ->> 'i')::int
                    where a.chain = ? and a.chain_seq > b.chain_seq""".formatted(SEALED), chain)).isZero();
            VerificationResult result = verifier.verify(tenant);
            assertThat(result.ok()).isTrue();
            assertThat(result.chains()).singleElement().satisfies(c -> assertThat(c.rowsChecked()).isEqualTo(expected));
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
