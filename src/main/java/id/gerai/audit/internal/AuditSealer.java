package id.gerai.audit.internal;

import id.gerai.platform.TenantContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Links committed audit rows into their hash chains, in blocks ("sealing").
 *
 * <p>Writers only insert, so a chain's order is decided here, not by them. A row may be sealed once
 * its transaction id is below {@code pg_snapshot_xmin(pg_current_snapshot())}: every transaction below
 * that has ended, and every transaction that could still add a row has a larger id. Sealing rows in
 * ({@code txid}, {@code id}) order therefore never has to put a later-arriving row before one already
 * sealed: a chain's order is a property of the rows (re-sealing gives the same chains), a change
 * committed before another began comes first, and writers never wait for each other. The cost is latency:
 * a row waits for the oldest running transaction that has written anything, so one long writing
 * transaction anywhere on the server (any module, any database) holds sealing back until it ends.
 *
 * <p>One sealer runs at a time across all nodes (a transaction-scoped advisory lock); each block of up
 * to {@value #BATCH} rows is one transaction that inserts their seals ({@code audit_seal}), moves the mark (the
 * last row sealed, {@code audit_seal_mark}) and advances the chain heads together. The audit rows are never
 * updated: a seal in place rewrote each wide row and cost about half a millisecond of database CPU per filing.
 */
@Component
class AuditSealer {

    /**
     * Rows per block. Small on purpose: a block is one transaction, and while it runs the server keeps every row
     * version newer than its snapshot, so the hot rows of every other transaction grow long version chains. With
     * blocks of 5,000 a sealer catching up after a burst (its blocks taking seconds on a busy machine) tripled the
     * database CPU of each API filing ({@code bench/run submit-http}: 17.2 ms instead of 6.8, p99 863 ms instead of
     * 97 at 60/s on the same backlog).
     */
    static final int BATCH = 500;

    /** The advisory lock key, fixed forever: the ASCII bytes of "geraiaud". */
    private static final long LOCK_KEY = 0x67657261_69617564L;

    private static final Logger log = LoggerFactory.getLogger(AuditSealer.class);

    /**
     * The rows after the mark (the last row sealed) whose transactions have all ended, in sealing order. The txid's
     * text has a name of its own: named {@code txid}, {@code order by txid} would sort the text ("1000" before "999").
     */
    private static final String SEALABLE = """
            select id, txid::text as txid_text, coalesce(tenant_id::text, 'platform') as chain, %s as canonical
            from audit_record
            where (txid, id) > (?::xid8, ?) and txid < pg_snapshot_xmin(pg_current_snapshot())
            order by txid, id
            limit ?""".formatted(ChainHash.CANONICAL_SQL);

    private static final String MARK = "select last_txid::text, last_id from audit_seal_mark";

    private static final String HEADS = "select chain, last_seq, last_hash from audit_chain where chain = any(?)";

    /** The seals of a block, one narrow row each: the audit rows themselves are never updated. */
    private static final String SEAL = """
            insert into audit_seal (record_id, chain, chain_seq, prev_hash, hash)
            select * from unnest(?::bigint[], ?::text[], ?::bigint[], ?::text[], ?::text[])""";

    private static final String ADVANCE_MARK = """
            insert into audit_seal_mark (last_txid, last_id) values (?::xid8, ?)
            on conflict (only_row) do update set last_txid = excluded.last_txid, last_id = excluded.last_id""";

    private static final String ADVANCE_HEADS = """
            insert into audit_chain (chain, last_seq, last_hash)
            select * from unnest(?::text[], ?::bigint[], ?::text[])
            on conflict (chain) do update set last_seq = excluded.last_seq, last_hash = excluded.last_hash""";

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;

    AuditSealer(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(transactions);
    }

    @Scheduled(fixedDelayString = "${gerai.audit.seal-interval:1s}", initialDelayString = "${gerai.audit.seal-interval:1s}")
    void sealPeriodically() {
        try {
            seal(false);
        } catch (RuntimeException e) {
            log.warn("Sealing the audit log failed; it is retried on the next run", e);
        }
    }

    /**
     * Seals every row that can be sealed now.
     *
     * @param wait wait for a sealer running elsewhere instead of leaving the work to it
     * @return the number of rows sealed here
     */
    int seal(boolean wait) {
        int total = 0;
        while (true) {
            // The scope must be set before the transaction takes its connection: RLS reads it there.
            Integer sealed = TenantContext.callAcrossTenants(() -> tx.execute(status -> sealBlock(wait)));
            if (sealed == null || sealed < 0) {
                return total;
            }
            total += sealed;
            if (sealed < BATCH) {
                return total;
            }
        }
    }

    /** Seals one block; -1 when another sealer holds the lock and {@code wait} is false. */
    private int sealBlock(boolean wait) {
        if (wait) {
            jdbc.sql("select 1 from pg_advisory_xact_lock(?)").param(LOCK_KEY).query().singleValue();
        } else if (!jdbc.sql("select pg_try_advisory_xact_lock(?)").param(LOCK_KEY).query(Boolean.class).single()) {
            return -1;
        }
        // The queue's index is in sealing order, so the block is its first rows. The planner, misjudging the
        // row-level-security filter, would rather read every unsealed row (in parallel workers) and sort them: after a
        // burst that read the whole backlog for every block (74 ms instead of 9 for 500 of 49,688 waiting rows).
        jdbc.sql("select set_config('enable_bitmapscan', 'off', true), set_config('enable_sort', 'off', true)").query().listOfRows();
        Row mark = jdbc.sql(MARK).query((rs, n) -> new Row(rs.getLong(2), rs.getString(1), null, null)).optional()
                .orElse(new Row(0, "0", null, null));
        List<Row> rows = jdbc.sql(SEALABLE).params(mark.txid(), mark.id(), BATCH)
                .query((rs, n) -> new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                .list();
        if (rows.isEmpty()) {
            return 0;
        }
        Map<String, Head> heads = heads(rows);
        int n = rows.size();
        Long[] ids = new Long[n];
        String[] chains = new String[n];
        Long[] seqs = new Long[n];
        String[] prevs = new String[n];
        String[] hashes = new String[n];
        for (int i = 0; i < n; i++) {
            Row row = rows.get(i);
            Head head = heads.getOrDefault(row.chain(), new Head(0, ChainHash.GENESIS));
            long seq = head.seq() + 1;
            String hash = ChainHash.of(head.hash(), row.chain(), seq, row.canonical());
            ids[i] = row.id();
            chains[i] = row.chain();
            seqs[i] = seq;
            prevs[i] = head.hash();
            hashes[i] = hash;
            heads.put(row.chain(), new Head(seq, hash));
        }
        // a row sealed twice (the lock bypassed) breaks the seal table's primary key and rolls the block back
        jdbc.sql(SEAL).params(ids, chains, seqs, prevs, hashes).update();
        Row last = rows.getLast();
        jdbc.sql(ADVANCE_MARK).params(last.txid(), last.id()).update();
        List<String> headChains = new ArrayList<>(heads.keySet());
        jdbc.sql(ADVANCE_HEADS)
                .params(headChains.toArray(String[]::new),
                        headChains.stream().map(c -> heads.get(c).seq()).toArray(Long[]::new),
                        headChains.stream().map(c -> heads.get(c).hash()).toArray(String[]::new))
                .update();
        log.debug("Sealed {} audit rows in {} chains", n, heads.size());
        return n;
    }

    private Map<String, Head> heads(List<Row> rows) {
        String[] chains = rows.stream().map(Row::chain).distinct().toArray(String[]::new);
        Map<String, Head> heads = new LinkedHashMap<>();
        jdbc.sql(HEADS).param(chains).query(rs -> {
            heads.put(rs.getString(1), new Head(rs.getLong(2), rs.getString(3)));
        });
        return heads;
    }

    private record Row(long id, String txid, String chain, String canonical) {
    }

    private record Head(long seq, String hash) {
    }
}
