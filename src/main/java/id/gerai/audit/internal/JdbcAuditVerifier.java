package id.gerai.audit.internal;

import id.gerai.audit.AuditVerifier;
import id.gerai.audit.VerificationResult;
import id.gerai.audit.VerificationResult.Chain;
import id.gerai.audit.VerificationResult.Kind;
import id.gerai.audit.VerificationResult.Problem;
import id.gerai.platform.TenantContext;
import id.gerai.platform.TenantId;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Walks each chain in {@code chain_seq} order, recomputing every hash from the canonical row text (made
 * by PostgreSQL, as when sealing) and the previous hash, then compares the end with the chain head.
 *
 * <p>The walk runs in one read-only REPEATABLE READ transaction, so a sealer committing meanwhile cannot
 * make the rows and the heads disagree. Rows are streamed (cursor fetches), so memory does not grow with
 * the log.
 */
@Component
class JdbcAuditVerifier implements AuditVerifier {

    private static final int FETCH = 1_000;

    /** A chain's seals in order, each with the canonical text of its row (null when the row is gone). */
    private static final String CHAIN_ROWS = """
            select s.record_id, s.chain_seq, s.prev_hash, s.hash, case when r.id is null then null else %s end as canonical
            from audit_seal s left join audit_record r on r.id = s.record_id
            where s.chain = ?
            order by s.chain_seq""".formatted(ChainHash.CANONICAL_SQL);

    /** The distinct chains of sealed rows, by skipping along the (chain, chain_seq) index. */
    private static final String SEALED_CHAINS = """
            with recursive c(chain) as (
                (select chain from audit_seal order by chain limit 1)
                union all
                select (select s.chain from audit_seal s where s.chain > c.chain order by s.chain limit 1)
                from c where c.chain is not null)
            select chain from c where chain is not null""";

    /** Rows not sealed yet: those after the sealer's mark. */
    private static final String PENDING = """
            select count(*) from audit_record r
            where (r.txid, r.id) > coalesce((select (m.last_txid, m.last_id) from audit_seal_mark m), ('0'::xid8, 0::bigint))""";

    private final JdbcClient jdbc;
    private final AuditSealer sealer;
    private final TransactionTemplate snapshot;
    private final Clock clock;

    JdbcAuditVerifier(JdbcClient jdbc, AuditSealer sealer, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.sealer = sealer;
        this.snapshot = new TransactionTemplate(transactions);
        this.snapshot.setReadOnly(true);
        this.snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        this.clock = Clock.systemUTC();
    }

    @Override
    public VerificationResult verify(TenantId tenantOrNullForAll) {
        return verifyChains(tenantOrNullForAll == null ? null : tenantOrNullForAll.toString());
    }

    @Override
    public VerificationResult verifyPlatform() {
        return verifyChains(PLATFORM_CHAIN);
    }

    /** Checks one chain, or all when {@code only} is null. */
    private VerificationResult verifyChains(String only) {
        sealer.seal(true);
        Instant now = clock.instant();
        return TenantContext.callAcrossTenants(() -> snapshot.execute(status -> {
            Map<String, Head> heads = heads(only);
            TreeSet<String> chains = new TreeSet<>(heads.keySet());
            if (only == null) {
                chains.addAll(jdbc.sql(SEALED_CHAINS).query(String.class).list());
            } else if (hasSealedRows(only)) {
                chains.add(only);
            }
            List<Chain> results = new ArrayList<>();
            for (String chain : chains) {
                results.add(walk(chain, heads.get(chain)));
            }
            return VerificationResult.of(now, pending(only), results);
        }));
    }

    private Chain walk(String chain, Head head) {
        long headSeq = head == null ? 0 : head.seq();
        return jdbc.sql(CHAIN_ROWS).withFetchSize(FETCH).param(chain).query((ResultSet rs) -> {
            long expected = 1;
            String prev = ChainHash.GENESIS;
            while (rs.next()) {
                long id = rs.getLong(1);
                long seq = rs.getLong(2);
                if (seq != expected) {
                    return broken(chain, expected, headSeq, Kind.MISSING, expected, null);
                }
                if (!prev.equals(rs.getString(3))) {
                    return broken(chain, expected, headSeq, Kind.LINK_BROKEN, seq, id);
                }
                if (rs.getString(5) == null) {
                    // the seal outlived its row: deleted
                    return broken(chain, expected, headSeq, Kind.MISSING, seq, id);
                }
                String stored = rs.getString(4);
                if (!ChainHash.of(prev, chain, seq, rs.getString(5)).equals(stored)) {
                    return broken(chain, expected, headSeq, Kind.ALTERED, seq, id);
                }
                prev = stored;
                expected++;
            }
            long last = expected - 1;
            if (head == null || head.seq() != last || !head.hash().equals(prev)) {
                return broken(chain, expected, headSeq, Kind.HEAD_MISMATCH, last + 1, null);
            }
            return Chain.intact(chain, last, headSeq);
        });
    }

    private static Chain broken(String chain, long expected, long headSeq, Kind kind, long seq, Long id) {
        return Chain.broken(chain, expected - 1, headSeq, new Problem(chain, kind, seq, id));
    }

    private Map<String, Head> heads(String only) {
        Map<String, Head> heads = new HashMap<>();
        String sql = "select chain, last_seq, last_hash from audit_chain" + (only == null ? "" : " where chain = ?");
        var spec = jdbc.sql(sql);
        if (only != null) {
            spec = spec.param(only);
        }
        spec.query((ResultSet rs) -> {
            heads.put(rs.getString(1), new Head(rs.getLong(2), rs.getString(3)));
        });
        return heads;
    }

    private boolean hasSealedRows(String chain) {
        return jdbc.sql("select exists (select 1 from audit_seal where chain = ?)").param(chain)
                .query(Boolean.class).single();
    }

    private long pending(String chain) {
        if (chain == null) {
            return jdbc.sql(PENDING).query(Long.class).single();
        }
        if (chain.equals(PLATFORM_CHAIN)) {
            return jdbc.sql(PENDING + " and r.tenant_id is null").query(Long.class).single();
        }
        return jdbc.sql(PENDING + " and r.tenant_id = ?::uuid").param(chain).query(Long.class).single();
    }

    private record Head(long seq, String hash) {
    }
}
