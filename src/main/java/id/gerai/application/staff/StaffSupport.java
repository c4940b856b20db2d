package id.gerai.application.staff;

import id.gerai.application.Applications.InboxItem;
import id.gerai.application.Task;
import id.gerai.application.TaskStatus;
import id.gerai.application.TrackingNumber;
import id.gerai.calendar.WorkingCalendar;
import id.gerai.identity.GeraiUser;
import id.gerai.identity.Role;
import id.gerai.platform.GeraiException;
import id.gerai.platform.InvalidInput;
import id.gerai.platform.TenantId;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * What the staff pages share: the language of names, the tenant's time zone for dates, inbox rows, and the
 * flash messages a redirect after a POST carries (session-stored, so only serializable values).
 */
@Component
class StaffSupport {

    /** Flash attribute: a message key (with arguments) saying what went wrong, shown at the top of the page. */
    static final String PROBLEM = "problem";
    /** Flash attribute: a message key saying what was done. */
    static final String DONE = "done";

    /** A failure told to the person after a redirect: {@code error.<code>} with its arguments as text. */
    record Problem(String key, String[] args) implements Serializable {

        static Problem of(GeraiException e) {
            String[] args = e.args() == null ? new String[0] : Arrays.stream(e.args()).map(String::valueOf).toArray(String[]::new);
            return new Problem("error." + e.code(), args);
        }
    }

    /** Who holds a task, as the lists show it. */
    enum Holder { MINE, OTHER, FREE }

    /**
     * One task in the inbox or the overdue list.
     *
     * @param daysLate whole days past the due time (0 when less than a day or not late)
     */
    record TaskRow(UUID taskId, String trackingNo, String tracking, String service, String step, UUID agencyId,
                   String agency, String applicant, String channel, Instant due, boolean dueSoon, boolean overdue,
                   Holder holder, long daysLate) {
    }

    private final WorkingCalendar calendar;

    StaffSupport(WorkingCalendar calendar) {
        this.calendar = calendar;
    }

    static boolean english() {
        return "en".equals(LocaleContextHolder.getLocale().getLanguage());
    }

    /** The English name where the page is in English and there is one; the Indonesian one otherwise. */
    static String pick(String id, String en) {
        return english() && en != null && !en.isBlank() ? en : id;
    }

    /** The tenant's zone id, for {@code #temporals.format(instant, pattern, zone)} in templates. */
    String zone(TenantId tenant) {
        return calendar.zone(tenant).getId();
    }

    static TaskRow row(InboxItem i, GeraiUser me, Instant now) {
        Task t = i.task();
        Holder holder = t.status() == TaskStatus.OPEN ? Holder.FREE
                : me.accountId().equals(t.claimedBy()) ? Holder.MINE : Holder.OTHER;
        long late = i.overdue() ? Duration.between(t.dueAt(), now).toDays() : 0;
        return new TaskRow(t.id(), i.trackingNo(), i.displayTracking(), pick(i.serviceName(), i.serviceNameEn()),
                pick(i.stepName(), i.stepNameEn()), t.agencyId(), i.agencyName(), i.applicantName(), t.channel().name(),
                t.dueAt(), i.dueSoon(), i.overdue(), holder, late);
    }

    /** The canonical tracking number, or 404 when the text is not one (a typo or a forged link). */
    static String canonical(String tracking) {
        String canonical = TrackingNumber.normalize(tracking);
        if (canonical == null) {
            throw GeraiException.notFound("application-not-found");
        }
        return canonical;
    }

    /** Staff roles that work in a tenant; anyone else is refused the staff pages (403). */
    static final Role[] TENANT_STAFF = {Role.PETUGAS_INSTANSI, Role.ADMIN_INSTANSI, Role.PENGELOLA_MPP, Role.PETUGAS_LOKET};

    static void problem(RedirectAttributes redirect, GeraiException e) {
        redirect.addFlashAttribute(PROBLEM, Problem.of(e));
    }

    /** Field errors of an {@link InvalidInput} as a map that survives the session store. */
    static Map<String, String> errors(InvalidInput e) {
        return new LinkedHashMap<>(e.fields());
    }

    static UUID uuid(String s) {
        return id.gerai.platform.web.FormValues.uuidOrNull(s);
    }
}
