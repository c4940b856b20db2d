package id.gerai.replication.internal;

import id.gerai.identity.Role;
import id.gerai.identity.StaffAccounts;
import id.gerai.notification.Email;
import id.gerai.notification.Notifications;
import id.gerai.platform.TenantId;
import id.gerai.tenancy.Tenant;
import java.util.List;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * E-mails of the study-visit flow to the other side's MPP managers (and, when the host answers, to the visitor's
 * contact person), in Bahasa Indonesia as staff mail is. Queued in the step's transaction on behalf of the acting
 * tenant, so a mail goes out if and only if the step commits.
 */
@Component
class ReplicationNotifier {

    private static final Locale STAFF = Locale.forLanguageTag("id");

    private final Notifications notifications;
    private final StaffAccounts staff;
    private final MessageSource messages;
    private final String baseUrl;

    ReplicationNotifier(Notifications notifications, StaffAccounts staff, MessageSource messages,
                        @Value("${gerai.base-url}") String baseUrl) {
        this.notifications = notifications;
        this.staff = staff;
        this.messages = messages;
        this.baseUrl = baseUrl.replaceAll("/+$", "");
    }

    /**
     * The MPP managers' addresses of {@code tenant}. Read before the step's transaction: the directory is read in that
     * tenant's own scope, which a transaction of another tenant cannot enter.
     */
    List<String> managers(TenantId tenant) {
        return staff.staffOf(tenant).stream().filter(m -> m.role() == Role.PENGELOLA_MPP)
                .map(StaffAccounts.StaffMember::email).filter(e -> e != null && !e.isBlank()).distinct().toList();
    }

    /** Tells {@code to} that {@code event} happened to {@code v}; {@code detail} is the reason or the host's note. */
    void visit(StudyVisit v, String event, Tenant visitor, Tenant host, TenantId acting, List<String> to, String detail) {
        Tenant readerSide = acting.equals(v.visitor()) ? host : visitor;
        String link = baseUrl + "/manage/" + readerSide.slug() + "/study-visits/" + v.id();
        Object[] args = {visitor.name(), host.name(), v.topic(), v.proposedFrom(), v.proposedTo(), v.participants(),
                v.confirmedDate() == null ? "" : v.confirmedDate().toString(), detail == null ? "" : detail, link};
        String subject = messages.getMessage("replication.mail.subject." + event, args, STAFF);
        String body = messages.getMessage("replication.mail." + event, args, STAFF)
                + "\n\n" + messages.getMessage("replication.mail.footer", args, STAFF);
        for (String address : to) {
            notifications.queue(new Email(acting, address, subject, body));
        }
    }
}
