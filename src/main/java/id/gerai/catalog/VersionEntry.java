package id.gerai.catalog;

import java.time.Instant;
import java.util.List;

/**
 * One version in a service's history, with what changed since the version before it (empty for the first).
 */
public record VersionEntry(int version, VersionStatus status, String changeNote, String createdBy, Instant createdAt,
                           Instant publishedAt, Instant retiredAt, List<DesignChange> changes) {

    public VersionEntry {
        changes = List.copyOf(changes);
    }
}
