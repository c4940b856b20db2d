package id.gerai.queue;

import id.gerai.platform.TenantId;
import java.util.function.Consumer;

/**
 * Reads of ended queue tickets for other modules' background work (the queue figures rebuilt from the source).
 * No permission check: nothing read here identifies a person.
 */
public interface QueueRecords {

    /**
     * Every ended ticket of {@code tenant} (served or no-show), oldest day first, as the {@link TicketEnded} event its
     * end published. Runs in the caller's transaction and tenant scope.
     */
    void replayEnded(TenantId tenant, Consumer<TicketEnded> sink);
}
