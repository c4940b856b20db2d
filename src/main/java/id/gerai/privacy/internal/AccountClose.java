package id.gerai.privacy.internal;

import id.gerai.application.ApplicantAccounts;
import id.gerai.queue.QueueBookings;
import id.gerai.audit.AuditEvent;
import id.gerai.audit.AuditLog;
import id.gerai.identity.AccountClosure;
import id.gerai.identity.GeraiUser;
import id.gerai.platform.GeraiException;
import id.gerai.platform.TenantContext;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A citizen closes their own account (UU 27/2022, the right to deletion). It lives here, outside the identity module,
 * because it needs the applications too, and the application module depends on identity: identity checks the person
 * and empties the account ({@link AccountClosure}); the application module says what is still in process and deletes
 * the drafts ({@link ApplicantAccounts}).
 *
 * <p>Refused while an application is in process: the agency is working on it for the person, and would lose the way
 * to reach them; it must be finished or withdrawn first. Submitted applications and complaints are not deleted: they
 * are the agencies' records under the public-service duty, keep the applicant's details copied on them, are anonymised
 * when their retention ends, and can still be followed with their tracking number and access code.
 *
 * <p>The password is checked first, in a transaction of its own (a wrong one is counted even though the closing is
 * refused); then, in one transaction, the open applications are looked at again (one submitted meanwhile refuses the
 * closing), the drafts deleted, the account emptied and audited ({@code identity.account.closed}, by the person, with
 * counts only). Left open: a draft submitted in the instant between that second look and the commit stays submitted,
 * under a closed account, and is handled like any other submitted application of it.
 */
@Service
class AccountClose {

    static final String AUDIT_ACTION = "identity.account.closed";

    /** The closing is refused: these applications are still in process. */
    static final class OpenApplications extends GeraiException {

        private final List<String> trackingNumbers;

        OpenApplications(List<String> trackingNumbers) {
            super(org.springframework.http.HttpStatus.CONFLICT, "account-has-open-applications",
                    String.join(", ", trackingNumbers.stream().map(id.gerai.application.TrackingNumber::display).toList()));
            this.trackingNumbers = List.copyOf(trackingNumbers);
        }

        List<String> trackingNumbers() {
            return trackingNumbers;
        }

        /** The API's 409 lists them, besides the sentence naming them. */
        @Override
        public Map<String, Object> details() {
            return Map.of("trackingNumbers", trackingNumbers);
        }
    }

    /** What closing removed: counts, as the audit record holds them. */
    record Closed(int draftsDeleted, int tokensRevoked, int appointmentsCancelled) {
    }

    private final AccountClosure accounts;
    private final ApplicantAccounts applications;
    private final QueueBookings bookings;
    private final AuditLog audit;
    private final TransactionTemplate tx;

    AccountClose(AccountClosure accounts, ApplicantAccounts applications, QueueBookings bookings, AuditLog audit,
                 TransactionTemplate tx) {
        this.accounts = accounts;
        this.applications = applications;
        this.bookings = bookings;
        this.audit = audit;
        this.tx = tx;
    }

    /** The applications that stop {@code user} from closing their account now; empty when nothing does. */
    List<String> openApplications(GeraiUser user) {
        return applications.openApplications(user.accountId());
    }

    /**
     * Closes {@code user}'s own account. Throws {@link id.gerai.platform.InvalidInput} (422) for a missing or wrong
     * password or a missing confirmation, {@link OpenApplications} (409) while an application is in process, and a 403
     * for a staff account; nothing is changed then, but a wrong password is counted.
     */
    Closed close(GeraiUser user, String currentPassword, boolean confirm) {
        accounts.check(user.accountId(), currentPassword, confirm);
        refuseWhileOpen(user);
        // across tenants from the transaction's start: row-level security scopes a transaction by what was in effect
        // when it began, and an account's applications are in every region
        return TenantContext.callAcrossTenants(() -> tx.execute(s -> {
            refuseWhileOpen(user);
            int drafts = applications.deleteDrafts(user.accountId());
            int tokens = accounts.close(user.accountId());
            // a slot held for a person who is gone would only keep someone else from booking it
            int appointments = bookings.cancelBooked(user.accountId(), user.accountId().toString());
            Map<String, Object> after = new LinkedHashMap<>();
            after.put("closed", true);
            after.put("draftsDeleted", drafts);
            after.put("tokensRevoked", tokens);
            after.put("appointmentsCancelled", appointments);
            audit.record(AuditEvent.of(null, AUDIT_ACTION, "account", user.accountId(), null, after)
                    .byActor(user.accountId().toString()));
            return new Closed(drafts, tokens, appointments);
        }));
    }

    private void refuseWhileOpen(GeraiUser user) {
        List<String> open = openApplications(user);
        if (!open.isEmpty()) {
            throw new OpenApplications(open);
        }
    }
}
