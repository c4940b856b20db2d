package id.gerai.bench;

import id.gerai.GeraiApplication;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** What the benchmarks share: starting Gerai on a bench data folder, percentiles, the machine's load. */
public final class BenchSupport {

    private BenchSupport() {
    }

    /** The bench data folder ({@code gerai.data-dir}, set by {@code bench/run}); refuses anything else. */
    public static Path benchDir() {
        Path dir = Path.of(System.getProperty("gerai.bench-dir", System.getProperty("gerai.data-dir", "target/bench-data")))
                .toAbsolutePath().normalize();
        if (!dir.toString().contains("bench-data")) {
            throw new IllegalStateException("the benchmark only writes into a bench-data folder, not " + dir);
        }
        System.setProperty("gerai.bench-dir", dir.toString());
        return dir;
    }

    /**
     * Starts the whole application on {@code dataDir} (its embedded PostgreSQL runs durable, as in production),
     * demo data off, on a random port unless {@code web} is false.
     */
    public static ConfigurableApplicationContext start(Path dataDir, boolean web, Map<String, String> extra) {
        // System properties: they outrank application.properties (PORT, GERAI_DEMO), default properties would not.
        System.setProperty("gerai.data-dir", dataDir.toString());
        System.setProperty("gerai.demo.enabled", "false");
        System.setProperty("server.port", "0");
        System.setProperty("spring.main.banner-mode", "off");
        System.setProperty("logging.level.root", "WARN");
        System.setProperty("logging.level.id.gerai", "INFO");
        extra.forEach(System::setProperty);
        SpringApplicationBuilder builder = new SpringApplicationBuilder(GeraiApplication.class);
        if (!web) {
            builder.web(org.springframework.boot.WebApplicationType.NONE);
        }
        return builder.run();
    }

    /**
     * Loads pg_stat_statements into the embedded server of {@code dataDir} (a throw-away bench database): the
     * setting needs a restart, so the caller starts the application again afterwards.
     */
    public static void preloadStatements(Path dataDir, Map<String, String> extra) throws java.sql.SQLException {
        try (ConfigurableApplicationContext context = start(dataDir, true, extra);
             var c = java.sql.DriverManager.getConnection(jdbcUrl(context.getBean(DataSource.class)), "postgres", "");
             var st = c.createStatement()) {
            st.execute("alter system set shared_preload_libraries = 'pg_stat_statements'");
            st.execute("alter system set pg_stat_statements.track = 'all'");
            st.execute("alter system set pg_stat_statements.track_planning = on");
        }
    }

    /** Starts counting statements afresh (after a warm-up). */
    public static void resetStatements(DataSource ds) throws java.sql.SQLException {
        try (var c = java.sql.DriverManager.getConnection(jdbcUrl(ds), "postgres", ""); var st = c.createStatement()) {
            st.execute("create extension if not exists pg_stat_statements");
            st.execute("select pg_stat_statements_reset()");
        }
    }

    /** What {@link #printStatements} counted, per unit of work. */
    public record StatementTotals(double statements, double executionMs, double planningMs, double figuresMs) {
    }

    /**
     * Prints, to standard error and most frequent first, each statement counted since {@link #resetStatements}
     * as calls, execution and planning time per {@code unit} ({@code units} of them were done), and returns the
     * totals per unit.
     */
    public static StatementTotals printStatements(DataSource ds, long units, String unit) throws java.sql.SQLException {
        try (var c = java.sql.DriverManager.getConnection(jdbcUrl(ds), "postgres", ""); var st = c.createStatement();
             var rs = st.executeQuery("""
                     select calls, total_exec_time, plans, total_plan_time, regexp_replace(query, '\\s+', ' ', 'g')
                     from pg_stat_statements where dbid = (select oid from pg_database where datname = current_database())
                       and query not like '%pg_stat%' order by calls desc""")) {
            long calls = 0;
            double time = 0;
            double planning = 0;
            double figures = 0;
            while (rs.next()) {
                calls += rs.getLong(1);
                time += rs.getDouble(2);
                planning += rs.getDouble(4);
                String q = rs.getString(5);
                if (q.contains("perf_")) {
                    figures += rs.getDouble(2); // the figures' delta inserts and folds (issue #7)
                }
                System.err.printf("bench: %7.2f calls/%s %7.3f ms/call %5.2f plans/%s %6.3f ms/plan  %s%n",
                        rs.getLong(1) / (double) units, unit, rs.getLong(1) == 0 ? 0.0 : rs.getDouble(2) / rs.getLong(1),
                        rs.getLong(3) / (double) units,
                        unit, rs.getLong(3) == 0 ? 0.0 : rs.getDouble(4) / rs.getLong(3), q.length() > 140 ? q.substring(0, 140) : q);
            }
            return new StatementTotals(calls / (double) units, time / units, planning / units, figures / units);
        }
    }

    public static String jdbcUrl(DataSource ds) {
        try (var c = ds.getConnection()) {
            return c.getMetaData().getURL();
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * CPU time used so far, in milliseconds: by this JVM, and by the PostgreSQL server whose data folder is under
     * {@code dataDir} (the postmaster, its running backends and the ones that have ended). Linux only; -1 where it
     * cannot be read.
     */
    public static long[] cpuMillis(Path dataDir) {
        long java = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime() / 1_000_000;
        Map<String, Long> pg = postgresCpuMillis(dataDir);
        return new long[] {java, pg.isEmpty() ? -1 : pg.values().stream().mapToLong(Long::longValue).sum()};
    }

    /**
     * CPU milliseconds of the PostgreSQL server under {@code dataDir} by kind of process, named by its title
     * ({@code gerai_app} for the application's backends, {@code walwriter}, {@code autovacuum worker}, ...;
     * {@code ended} for processes that have exited); empty when there is no such server (or no /proc).
     */
    public static Map<String, Long> postgresCpuMillis(Path dataDir) {
        Map<String, Long> byKind = new java.util.TreeMap<>();
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            String dir = dataDir.toAbsolutePath().normalize().toString();
            List<Object[]> stats = new java.util.ArrayList<>();
            long postmaster = -1;
            for (Path p : procs.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit)).toList()) {
                try {
                    String cmd = Files.readString(p.resolve("cmdline")).replace('\0', ' ').strip();
                    String stat = Files.readString(p.resolve("stat"));
                    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    // after the name: state(0) ppid(1) ... utime(11) stime(12) cutime(13) cstime(14)
                    long pid = Long.parseLong(p.getFileName().toString());
                    stats.add(new Object[] {pid, Long.parseLong(f[1]), Long.parseLong(f[11]) + Long.parseLong(f[12]),
                            Long.parseLong(f[13]) + Long.parseLong(f[14]), cmd});
                    if (cmd.contains("postgres") && cmd.contains("-D " + dir)) {
                        postmaster = pid;
                    }
                } catch (IOException | RuntimeException e) {
                    // the process ended meanwhile
                }
            }
            if (postmaster < 0) {
                return byKind;
            }
            for (Object[] st : stats) {
                long pid = (Long) st[0];
                if (pid == postmaster) {
                    byKind.merge("postmaster", (Long) st[2] * 10, Long::sum);
                    byKind.merge("ended", (Long) st[3] * 10, Long::sum); // USER_HZ is 100 on Linux
                } else if ((Long) st[1] == postmaster) {
                    String title = ((String) st[4]).replaceFirst("^postgres:\\s*", "");
                    String kind = title.startsWith("gerai_app") ? "gerai_app" : title.startsWith("gerai_owner") ? "gerai_owner"
                            : title.startsWith("postgres ") ? "superuser" : title.replaceAll("\\s+\\S*\\d.*$", "").strip();
                    byKind.merge(kind, (Long) st[2] * 10, Long::sum);
                }
            }
        } catch (IOException e) {
            return Map.of();
        }
        return byKind;
    }

    /** The system load average over the last minute (what {@code uptime} shows first). */
    public static String load() {
        return String.format(Locale.ROOT, "%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    /** Nearest-rank percentile of {@code sorted} (nanoseconds), in milliseconds with two decimals. */
    public static String percentileMs(long[] sorted, double p) {
        if (sorted.length == 0) {
            return "0";
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return ms(sorted[Math.max(0, Math.min(sorted.length - 1, index))]);
    }

    public static long[] sorted(long[] values) {
        long[] copy = values.clone();
        Arrays.sort(copy);
        return copy;
    }

    public static String ms(long nanos) {
        return String.format(Locale.ROOT, "%.2f", nanos / 1e6);
    }

    public static String f1(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    public static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> files = Files.walk(root)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    /** A growable array of longs: latencies recorded by one thread without boxing. */
    public static final class Longs {
        private long[] values = new long[1024];
        private int size;

        public void add(long v) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = v;
        }

        public void addAll(Longs other) {
            for (int i = 0; i < other.size; i++) {
                add(other.values[i]);
            }
        }

        public long[] toArray() {
            return Arrays.copyOf(values, size);
        }

        public int size() {
            return size;
        }
    }
}
