package id.gerai.bench;

import java.io.PrintStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code bench/run commit-floor}: what durable transactions cost on this machine with nothing of Gerai in them, the
 * floor under every transition of the procedure engine (ADR 0005, "Throughput"). Four client threads insert rows
 * on the same embedded PostgreSQL as Gerai (fsync and synchronous_commit on), as the superuser: no row-level
 * security, no foreign keys, no triggers, no reads, no application code. Four cases:
 * <ol>
 *   <li>{@code 1row}: one row per transaction, the machine's commit rate;</li>
 *   <li>{@code app}: the rows of an application of {@code bench/run process} as its ten transactions write them
 *       ({@link #APPLICATION}: the creation and the four claims 3 rows each, the submission and the four approvals
 *       about 7: state, task, next task, history, audit, e-mail and text message, figures), one statement per row,
 *       into a table with only a primary key;</li>
 *   <li>{@code app_one_statement}: the same rows, each transaction's rows one statement (data-modifying CTEs, as
 *       the engine writes a transition);</li>
 *   <li>{@code app_indexed}: as {@code app_one_statement}, into a table shaped like Gerai's: a uuid primary key led by
 *       the tenant, three secondary indexes (tenant and parent, tenant and time, a status), a jsonb column.</li>
 * </ol>
 *
 * <p>Prints each case's commits per second and PostgreSQL and JVM CPU per commit, and for the application cases
 * {@code commit_floor_apps_per_s_*}: the rate over the ten transactions of an application — how many applications a
 * second this machine could take if a transition were nothing but those rows and its commit.
 */
public final class CommitFloorBenchmark {

    private static final int THREADS = 4;

    /** Rows per transaction of one application: create, submit, then claim and approve on each of four steps. */
    static final int[] APPLICATION = {3, 7, 3, 7, 3, 7, 3, 7, 3, 7};

    private static final String PLAIN = """
            create table bench_floor_plain (id bigserial primary key, n int not null, s text not null)""";
    private static final String SHAPED = """
            create table bench_floor_shaped (tenant_id uuid not null, id uuid not null, parent_id uuid not null,
                status text not null, n int not null, at timestamptz not null default now(), data jsonb not null,
                primary key (tenant_id, id));
            create index on bench_floor_shaped (tenant_id, parent_id);
            create index on bench_floor_shaped (tenant_id, at desc);
            create index on bench_floor_shaped (status, at)""";

    /** One case: its name, its rows per transaction, and how it writes them. */
    private record Case(String name, int[] pattern, Writer writer) {
    }

    /** Writes {@code rows} rows in the current transaction of {@code c}. */
    @FunctionalInterface
    private interface Writer {
        void write(Connection c, int rows) throws java.sql.SQLException;
    }

    private CommitFloorBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int seconds = 10;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--seconds" -> seconds = Integer.parseInt(args[++i]);
                default -> {
                    System.err.println("unknown option " + args[i] + " (--seconds N)");
                    System.exit(2);
                }
            }
        }
        PrintStream out = System.out;
        System.setOut(System.err); // only name=value lines on standard output
        Path dir = BenchSupport.benchDir().resolve("commit-floor");
        BenchSupport.deleteTree(dir);
        Map<String, String> results = new LinkedHashMap<>();
        results.put("commit_floor_load_at_start", BenchSupport.load());
        try (ConfigurableApplicationContext context = BenchSupport.start(dir, true, Map.of())) {
            String url = BenchSupport.jdbcUrl(context.getBean(DataSource.class));
            try (Connection c = DriverManager.getConnection(url, "postgres", ""); Statement st = c.createStatement()) {
                st.execute(PLAIN);
                st.execute(SHAPED);
            }
            List<Case> cases = List.of(
                    new Case("1row", new int[] {1}, CommitFloorBenchmark::plainRows),
                    new Case("app", APPLICATION, CommitFloorBenchmark::plainRows),
                    new Case("app_one_statement", APPLICATION, (c, rows) -> oneStatement(c, rows, false)),
                    new Case("app_indexed", APPLICATION, (c, rows) -> oneStatement(c, rows, true)));
            for (Case k : cases) {
                run(url, dir, k, 3, null);
                double perSecond = run(url, dir, k, seconds, results);
                if (k.pattern() == APPLICATION) {
                    String suffix = k.name().equals("app") ? "" : k.name().substring("app".length());
                    results.put("commit_floor_apps_per_s" + suffix, BenchSupport.f1(perSecond / APPLICATION.length));
                }
            }
        }
        results.put("commit_floor_load_at_end", BenchSupport.load());
        results.forEach((k, v) -> out.println(k + "=" + v));
        out.flush();
        System.exit(0);
    }

    private static void plainRows(Connection c, int rows) throws java.sql.SQLException {
        try (PreparedStatement insert = c.prepareStatement("insert into bench_floor_plain (n, s) values (?, ?)")) {
            for (int k = 0; k < rows; k++) {
                insert.setInt(1, k);
                insert.setString(2, "sebuah baris kecil");
                insert.executeUpdate();
            }
        }
    }

    /** {@code rows} inserts as one statement of data-modifying CTEs (prepared once per shape by the driver's cache). */
    private static void oneStatement(Connection c, int rows, boolean shaped) throws java.sql.SQLException {
        String one = shaped
                ? "insert into bench_floor_shaped (tenant_id, id, parent_id, status, n, data) "
                        + "values (?::uuid, gen_random_uuid(), ?::uuid, 'OPEN', %d, '{\"langkah\": \"VERIFIKASI\"}')"
                : "insert into bench_floor_plain (n, s) values (%d, 'sebuah baris kecil')";
        StringBuilder sql = new StringBuilder();
        for (int k = 1; k < rows; k++) {
            sql.append(k == 1 ? "with " : ", ").append("r").append(k).append(" as (").append(one.formatted(k)).append(")");
        }
        sql.append(' ').append(one.formatted(0));
        try (PreparedStatement insert = c.prepareStatement(sql.toString())) {
            if (shaped) {
                for (int k = 0; k < rows; k++) {
                    insert.setString(2 * k + 1, TENANT);
                    insert.setString(2 * k + 2, PARENT);
                }
            }
            insert.executeUpdate();
        }
    }

    private static final String TENANT = java.util.UUID.randomUUID().toString();
    private static final String PARENT = java.util.UUID.randomUUID().toString();

    /**
     * {@link #THREADS} threads committing transactions for {@code seconds}, each thread's n-th transaction writing
     * {@code pattern[n % pattern.length]} rows; the commits per second.
     */
    private static double run(String url, Path dir, Case k, int seconds, Map<String, String> results) throws Exception {
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong commits = new AtomicLong();
        List<Thread> threads = new ArrayList<>();
        List<Exception> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        for (int t = 0; t < THREADS; t++) {
            threads.add(Thread.ofPlatform().name("commit-floor-" + t).start(() -> {
                try (Connection c = DriverManager.getConnection(url, "postgres", "")) {
                    c.setAutoCommit(false);
                    for (int n = 0; !stop.get(); n++) {
                        k.writer().write(c, k.pattern()[n % k.pattern().length]);
                        c.commit();
                        commits.incrementAndGet();
                    }
                } catch (Exception e) {
                    failures.add(e);
                }
            }));
        }
        long[] cpu0 = BenchSupport.cpuMillis(dir);
        long c0 = commits.get();
        long t0 = System.nanoTime();
        Thread.sleep(seconds * 1000L);
        long n = commits.get() - c0;
        double elapsed = (System.nanoTime() - t0) / 1e9;
        long[] cpu1 = BenchSupport.cpuMillis(dir);
        stop.set(true);
        for (Thread t : threads) {
            t.join();
        }
        if (!failures.isEmpty()) {
            throw failures.getFirst();
        }
        double perSecond = n / elapsed;
        if (results != null) {
            System.err.printf("bench: %s: %d threads, rows per transaction %s: %.0f commits/s%n", k.name(), THREADS,
                    java.util.Arrays.toString(k.pattern()), perSecond);
            results.put("commit_floor_commits_per_s_" + k.name(), BenchSupport.f1(perSecond));
            results.put("commit_floor_pg_cpu_us_per_commit_" + k.name(), BenchSupport.f1((cpu1[1] - cpu0[1]) * 1000.0 / n));
            results.put("commit_floor_java_cpu_us_per_commit_" + k.name(), BenchSupport.f1((cpu1[0] - cpu0[0]) * 1000.0 / n));
        }
        return perSecond;
    }
}
