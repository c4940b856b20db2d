package id.gerai.application;

import id.gerai.platform.TenantId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Reads of applications for other modules' background work, where no person acts (the document module
 * issuing a completed application's document). Unlike {@link Applications} these make no permission check:
 * callers must never show what they read to a person without checking that person themselves (for
 * example through {@link Applications#detail(String, id.gerai.identity.GeraiUser)}).
 */
public interface ApplicationRecords {

    /** The application as stored (form data, applicant), read in the tenant's scope. */
    Optional<Application> find(TenantId tenant, UUID applicationId);

    /**
     * How many applications of {@code tenant} were completed (served) in {@code [from, until)}, per service, agency
     * and service point ({@code null} for online): the population of a satisfaction survey's period. Counts only.
     */
    List<CompletedCount> completedCounts(TenantId tenant, Instant from, Instant until);

    /** Completed applications of one service, agency and service point ({@code null}: filed online). */
    record CompletedCount(UUID serviceId, UUID agencyId, UUID servicePointId, long count) {
    }

    /**
     * Every {@link ApplicationStatusChanged} of {@code tenant}'s applications again, reconstructed from
     * {@code application_history} and {@code application} (application by application, in the order they
     * happened), for figures rebuilt from the source. Runs in the caller's transaction when there is one.
     */
    void replayStatusChanges(TenantId tenant, java.util.function.Consumer<ApplicationStatusChanged> sink);
}
