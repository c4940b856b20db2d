package id.gerai.bench;

import java.util.Arrays;

/**
 * Entry point of {@code bench/run NAME}: runs one benchmark in this JVM and prints {@code name=value}
 * lines on standard output (everything else goes to standard error).
 */
public final class Bench {

    private Bench() {
    }

    public static void main(String[] args) throws Exception {
        String name = args.length == 0 ? "" : args[0];
        String[] rest = args.length == 0 ? args : Arrays.copyOfRange(args, 1, args.length);
        switch (name) {
            case "search" -> id.gerai.catalog.web.SearchBenchmark.main(rest);
            case "process" -> id.gerai.application.ProcessBenchmark.main(rest);
            case "submit-http" -> id.gerai.application.SubmitHttpBenchmark.main(rest);
            case "documents" -> id.gerai.document.internal.DocumentsBenchmark.main(rest);
            case "ikm" -> id.gerai.survey.IkmBenchmark.main(rest);
            case "commit-floor" -> CommitFloorBenchmark.main(rest);
            case "dashboards" -> id.gerai.performance.internal.DashboardsBenchmark.main(rest);
            case "generate-history" -> id.gerai.performance.internal.DashboardsBenchmark.main(
                    java.util.stream.Stream.concat(Arrays.stream(rest), java.util.stream.Stream.of("--only-generate")).toArray(String[]::new));
            default -> {
                System.err.println("usage: bench/run NAME   (benchmarks: search, process, submit-http, commit-floor, documents, ikm, dashboards, generate-history)");
                System.exit(2);
            }
        }
    }
}
