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
 * floor under every transition of the procedure engine (ADR 0005, "Throughput"). Four client threads insert into a
 * table with only a primary key, on the same embedded PostgreSQL as Gerai (fsync and synchronous_commit on), as the
 * superuser (no row-level security, no foreign keys, no triggers): one row per transaction, then seven rows per
 * transaction (about what a transition writes: state, task, history, audit, outbox, figures).
 *
 * <p>Prints {@code commit_floor_commits_per_s_1row} and {@code _7rows}, the CPU of PostgreSQL and of this JVM per
 * commit, and {@code commit_floor_apps_per_s_ceiling}: the seven-row rate divided by the ten transactions of an
 * application in {@code bench/run process} (create, submit, claim and approve on four steps) — how many
 * applications a second this machine could take if a transition were nothing but its rows and its commit.
 */
public final class CommitFloorBenchmark {

    private static final int THREADS = 4;

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
        try (ConfigurableApplicationContext context = BenchSupport.start(dir, false, Map.of())) {
            String url = BenchSupport.jdbcUrl(context.getBean(DataSource.class));
            try (Connection c = DriverManager.getConnection(url, "postgres", ""); Statement st = c.createStatement()) {
                st.execute("create table bench_commit_floor (id bigserial primary key, n int not null, s text not null)");
            }
            double rows7 = 0;
            for (int rows : new int[] {1, 7}) {
                run(url, dir, rows, 3, null);
                double perSecond = run(url, dir, rows, seconds, results);
                if (rows == 7) {
                    rows7 = perSecond;
                }
            }
            results.put("commit_floor_apps_per_s_ceiling", BenchSupport.f1(rows7 / 10));
        }
        results.put("commit_floor_load_at_end", BenchSupport.load());
        results.forEach((k, v) -> out.println(k + "=" + v));
        out.flush();
        System.exit(0);
    }

    /** {@link #THREADS} threads committing {@code rows} inserts each for {@code seconds}; the commits per second. */
    private static double run(String url, Path dir, int rows, int seconds, Map<String, String> results) throws Exception {
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong commits = new AtomicLong();
        List<Thread> threads = new ArrayList<>();
        List<Exception> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        for (int t = 0; t < THREADS; t++) {
            threads.add(Thread.ofPlatform().name("commit-floor-" + t).start(() -> {
                try (Connection c = DriverManager.getConnection(url, "postgres", "");
                     PreparedStatement insert = c.prepareStatement("insert into bench_commit_floor (n, s) values (?, ?)")) {
                    c.setAutoCommit(false);
                    while (!stop.get()) {
                        for (int k = 0; k < rows; k++) {
                            insert.setInt(1, k);
                            insert.setString(2, "sebuah baris kecil");
                            insert.executeUpdate();
                        }
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
            String suffix = rows == 1 ? "_1row" : "_" + rows + "rows";
            System.err.printf("bench: %d threads, %d row(s) per transaction: %.0f commits/s%n", THREADS, rows, perSecond);
            results.put("commit_floor_commits_per_s" + suffix, BenchSupport.f1(perSecond));
            results.put("commit_floor_pg_cpu_us_per_commit" + suffix, BenchSupport.f1((cpu1[1] - cpu0[1]) * 1000.0 / n));
            results.put("commit_floor_java_cpu_us_per_commit" + suffix, BenchSupport.f1((cpu1[0] - cpu0[0]) * 1000.0 / n));
        }
        return perSecond;
    }
}
