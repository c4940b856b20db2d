package id.gerai.application.internal;

import id.gerai.application.Application;
import id.gerai.notification.Email;
import id.gerai.notification.Notifications;
import id.gerai.notification.TextMessage;
import id.gerai.platform.TenantId;
import java.time.ZoneId;
import java.time.chrono.IsoChronology;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.FormatStyle;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Queues the notifications of a transition in its transaction: an e-mail when the applicant gave an address,
 * a text message (SMS/WhatsApp gateway) when they gave a phone number. Texts come from the bundle in the
 * applicant's language.
 */
@Component
class ApplicationNotifier {

    /** Every transition notifies: the locale and date format of each language are made once. */
    private static final Map<String, Locale> LOCALES = new ConcurrentHashMap<>();
    private static final Map<Locale, DateTimeFormatter> DUE_FORMATS = new ConcurrentHashMap<>();

    private final Notifications notifications;
    private final MessageSource messages;
    private final String baseUrl;

    ApplicationNotifier(Notifications notifications, MessageSource messages, @Value("${gerai.base-url}") String baseUrl) {
        this.notifications = notifications;
        this.messages = messages;
        this.baseUrl = baseUrl.replaceAll("/+$", "");
    }

    /**
     * Tells the applicant what happened.
     *
     * @param event  {@code SUBMITTED}, {@code STEP_APPROVED}, {@code CORRECTION_REQUESTED}, {@code RESUBMITTED},
     *               {@code COMPLETED}, {@code REJECTED} or {@code WITHDRAWN}
     * @param detail the step name, the reason or the correction message, as the event needs
     */
    void applicant(Application app, String event, String serviceName, String detail, ZoneId zone) {
        Locale locale = LOCALES.computeIfAbsent(app.lang(), Locale::forLanguageTag);
        String tracking = app.displayTracking();
        String status = messages.getMessage("application.status." + app.status().name(), null, locale);
        String due = app.dueAt() == null ? "-" : dueFormat(locale).withZone(zone).format(app.dueAt());
        String link = baseUrl + "/applications/" + app.trackingNo();
        Object[] args = {app.applicantName(), serviceName, tracking, status, due, detail == null ? "" : detail, link};
        Email email = null;
        if (app.applicantEmail() != null && !app.applicantEmail().isBlank()) {
            String subject = messages.getMessage("application.mail.subject", args, locale);
            String body = messages.getMessage("application.mail." + event, args, locale)
                    + "\n\n" + messages.getMessage("application.mail.footer", args, locale);
            email = new Email(app.tenant(), app.applicantEmail(), subject, body);
        }
        TextMessage text = null;
        if (app.applicantPhone() != null && !app.applicantPhone().isBlank()) {
            text = new TextMessage(app.tenant(), app.applicantPhone(), messages.getMessage("application.text." + event, args, locale));
        }
        if (email != null || text != null) {
            // one statement for both; a number that cannot take a text message is left out there, the e-mail still goes
            notifications.queue(email, text);
        }
    }

    /**
     * The medium date-and-time format of {@code locale} as a plain pattern, resolved once per language: the
     * localized formatter would look its pattern up again on every format, and every transition formats a date.
     */
    private static DateTimeFormatter dueFormat(Locale locale) {
        return DUE_FORMATS.computeIfAbsent(locale, l -> DateTimeFormatter.ofPattern(
                DateTimeFormatterBuilder.getLocalizedDateTimePattern(FormatStyle.MEDIUM, FormatStyle.MEDIUM,
                        IsoChronology.INSTANCE, l), l));
    }

    /** A reminder or escalation to staff, in Bahasa Indonesia (the working language of the offices). */
    void staff(TenantId tenant, Collection<String> emails, String kind, Object... args) {
        Locale locale = Locale.forLanguageTag("id");
        String subject = messages.getMessage("application.staff-mail." + kind + ".subject", args, locale);
        String body = messages.getMessage("application.staff-mail." + kind + ".body", args, locale);
        for (String to : emails) {
            if (to != null && !to.isBlank()) {
                notifications.queue(new Email(tenant, to, subject, body));
            }
        }
    }

    String link(String path) {
        return baseUrl + path;
    }
}
