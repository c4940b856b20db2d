package id.gerai.audit;

import java.util.List;

/**
 * One page of audit records, newest first.
 *
 * @param page    the page number, from 0
 * @param hasNext whether an older page exists
 */
public record AuditPage(List<AuditEntry> entries, int page, int size, boolean hasNext) {

    public AuditPage {
        entries = List.copyOf(entries);
    }

    public boolean hasPrevious() {
        return page > 0;
    }
}
