package id.gerai.complaint.internal;

import id.gerai.identity.Role;
import id.gerai.identity.StaffAccounts;
import id.gerai.identity.StaffAccounts.StaffMember;
import id.gerai.notification.Email;
import id.gerai.notification.Notifications;
import id.gerai.notification.TextMessage;
import id.gerai.tenancy.Tenant;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Queues the notifications of a complaint step in its transaction: to the reporter (e-mail when they gave an
 * address, a text message when they gave a phone number, in their language) and to staff (e-mail, in Bahasa
 * Indonesia). Staff mails name the complaint by tracking number and title only, never the reporter.
 */
@Component
class ComplaintNotifier {

    private static final Logger log = LoggerFactory.getLogger(ComplaintNotifier.class);

    private final Notifications notifications;
    private final MessageSource messages;
    private final StaffAccounts staff;
    private final String baseUrl;
    private final id.gerai.calendar.WorkingCalendar calendar;

    ComplaintNotifier(Notifications notifications, MessageSource messages, StaffAccounts staff,
                      id.gerai.calendar.WorkingCalendar calendar, @Value("${gerai.base-url}") String baseUrl) {
        this.calendar = calendar;
        this.notifications = notifications;
        this.messages = messages;
        this.staff = staff;
        this.baseUrl = baseUrl.replaceAll("/+$", "");
    }

    /**
     * Tells the reporter what happened.
     *
     * @param event {@code FILED} (with the access code), {@code FORWARDED}, {@code POSTPONED}, {@code RESUMED},
     *              {@code ARCHIVED}, {@code NOT_OUR_AUTHORITY}, {@code ANSWERED}, {@code REOPENED}, {@code CLOSED},
     *              {@code AUTO_CLOSED}
     * @param detail the follow-up or the coordinator's reason, when the event has one
     */
    void reporter(Complaint c, String event, String accessCode, String detail, Tenant tenant) {
        Locale locale = Locale.forLanguageTag(c.lang());
        String status = messages.getMessage("complaint.status." + c.status().name(), null, locale);
        String name = c.reporterName() == null ? messages.getMessage("complaint.mail.reporter", null, locale) : c.reporterName();
        String link = baseUrl + "/complaints/track?no=" + c.trackingNo();
        Object[] args = {name, c.displayTracking(), c.title(), status, tenant.name(), detail == null ? "" : detail, link,
                accessCode == null ? "" : accessCode};
        if (c.reporterEmail() != null && !c.reporterEmail().isBlank()) {
            String subject = messages.getMessage("complaint.mail.subject", args, locale);
            String body = messages.getMessage("complaint.mail." + event, args, locale)
                    + "\n\n" + messages.getMessage("complaint.mail.footer", args, locale);
            notifications.queue(new Email(c.tenant(), c.reporterEmail(), subject, body));
        }
        if (c.reporterPhone() != null && !c.reporterPhone().isBlank()) {
            try {
                notifications.queue(new TextMessage(c.tenant(), c.reporterPhone(),
                        messages.getMessage("complaint.text." + event, args, locale)));
            } catch (IllegalArgumentException e) {
                log.info("No text message for complaint {}: the phone number is not usable", c.trackingNo());
            }
        }
    }

    /** To the tenant's coordinators: {@code new}, {@code replied}, {@code resumed}. */
    void coordinators(Complaint c, String kind, Tenant tenant) {
        Set<String> to = new LinkedHashSet<>();
        for (StaffMember m : staff.staffOf(c.tenant())) {
            if (m.role() == Role.PENGELOLA_MPP) {
                to.add(m.email());
            }
        }
        send(c, to, kind, tenant);
    }

    /** To the staff of the agency in charge: {@code forwarded}, {@code reopened}, {@code replied}, {@code rated}. */
    void agency(Complaint c, String kind, Tenant tenant) {
        Set<String> to = new LinkedHashSet<>();
        for (StaffMember m : staff.staffOf(c.tenant())) {
            if ((m.role() == Role.ADMIN_INSTANSI || m.role() == Role.PETUGAS_INSTANSI)
                    && (m.agencyId() == null || m.agencyId().equals(c.agencyId()))) {
                to.add(m.email());
            }
        }
        send(c, to, kind, tenant);
    }

    /**
     * An overdue step: verification to the coordinators; follow-up to the agency's admins (the head's desk) and the
     * coordinators.
     */
    void escalation(Complaint c, boolean followUp, Tenant tenant) {
        Set<String> to = new LinkedHashSet<>();
        for (StaffMember m : staff.staffOf(c.tenant())) {
            if (m.role() == Role.PENGELOLA_MPP
                    || followUp && m.role() == Role.ADMIN_INSTANSI && c.agencyId() != null && c.agencyId().equals(m.agencyId())) {
                to.add(m.email());
            }
        }
        send(c, to, followUp ? "overdue-follow-up" : "overdue-verification", tenant);
    }

    private void send(Complaint c, Set<String> to, String kind, Tenant tenant) {
        Locale locale = Locale.forLanguageTag("id");
        String due = c.dueAt() == null ? "-" : DateTimeFormatter.ofPattern("dd-MM-yyyy HH:mm")
                .withZone(calendar.zone(c.tenant())).format(c.dueAt());
        String link = baseUrl + "/manage/" + tenant.slug() + "/complaints/" + c.id();
        Object[] args = {c.displayTracking(), c.title(), due, tenant.name(), link};
        String subject = messages.getMessage("complaint.staff-mail." + kind + ".subject", args, locale);
        String body = messages.getMessage("complaint.staff-mail." + kind + ".body", args, locale);
        for (String address : to) {
            if (address != null && !address.isBlank()) {
                notifications.queue(new Email(c.tenant(), address, subject, body));
            }
        }
    }
}
