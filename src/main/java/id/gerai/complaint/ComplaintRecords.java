package id.gerai.complaint;

import id.gerai.platform.TenantId;
import java.util.function.Consumer;

/**
 * Reads of complaints for other modules' background work (figures rebuilt from the source). No permission
 * check: nothing read here identifies a reporter.
 */
public interface ComplaintRecords {

    /** Every complaint of {@code tenant} as filed, oldest first, then every follow-up as answered. */
    void replay(TenantId tenant, Consumer<ComplaintFiled> filed, Consumer<ComplaintAnswered> answered);
}
