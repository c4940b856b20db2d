package id.gerai.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Starts every test run on an empty data folder (the embedded PostgreSQL is created anew and then shared
 * by all test classes of the JVM), so runs never depend on what an earlier run left behind.
 */
public class FreshTestDatabase implements LauncherSessionListener {

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        String dir = System.getProperty("gerai.data-dir");
        if (dir == null || !dir.contains("test-data")) {
            return; // never wipe a folder that is not a test folder
        }
        Path root = Path.of(dir);
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> files = Files.walk(root)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
