package id.gerai.application.web;

import id.gerai.calendar.WorkingCalendar;
import id.gerai.platform.TenantId;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Dates, times and sizes as the citizen reads them: in the tenant's time zone (the office's clock, which is
 * what a due date means) and in the page's language, with the zone named (WIB, WITA, WIT).
 */
@Component
class PageFormat {

    private final WorkingCalendar calendar;
    private final MessageSource messages;

    PageFormat(WorkingCalendar calendar, MessageSource messages) {
        this.calendar = calendar;
        this.messages = messages;
    }

    ZoneId zone(TenantId tenant) {
        return calendar.zone(tenant);
    }

    /** "12 Maret 2026 14.30 WIB"; empty for {@code null}. */
    String dateTime(Instant at, ZoneId zone, Locale locale) {
        if (at == null) {
            return "";
        }
        Locale l = language(locale);
        var local = at.atZone(zone);
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(l).format(local) + " "
                + DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withLocale(l).format(local) + " " + zoneName(zone, locale);
    }

    /** "12 Maret 2026" in the zone; empty for {@code null}. */
    String date(Instant at, ZoneId zone, Locale locale) {
        return at == null ? "" : date(at.atZone(zone).toLocalDate(), locale);
    }

    String date(LocalDate date, Locale locale) {
        return date == null ? "" : DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(language(locale)).format(date);
    }

    /** A date the form holds ({@code 2026-10-01}) as "1 Oktober 2026"; anything else as it is. */
    String isoDate(String iso, Locale locale) {
        try {
            return date(LocalDate.parse(iso), locale);
        } catch (java.time.format.DateTimeParseException e) {
            return iso;
        }
    }

    /** The zone as Indonesians name it; the zone id for any other. */
    String zoneName(ZoneId zone, Locale locale) {
        String key = "citizen.zone." + zone.getId().replace('/', '.');
        return messages.getMessage(key, null, zone.getId(), locale);
    }

    /** "850 KB", "1,2 MB" ("1.2 MB" in English). */
    String size(long bytes, Locale locale) {
        if (bytes < 1024 * 1024) {
            return messages.getMessage("citizen.size.kb", new Object[] {Math.max(1, (bytes + 1023) / 1024)}, locale);
        }
        NumberFormat number = NumberFormat.getNumberInstance(language(locale));
        number.setMaximumFractionDigits(1);
        return messages.getMessage("citizen.size.mb", new Object[] {number.format(bytes / (1024.0 * 1024.0))}, locale);
    }

    /** The limit of a document in kilobytes as text. */
    String sizeKb(int kilobytes, Locale locale) {
        return size(kilobytes * 1024L, locale);
    }

    String message(String key, Object[] args, Locale locale) {
        return messages.getMessage(key, args, key, locale);
    }

    static boolean english(Locale locale) {
        return "en".equals(locale.getLanguage());
    }

    /** Indonesian pages use Indonesian month names and digit grouping; English ones English. */
    static Locale language(Locale locale) {
        return english(locale) ? Locale.ENGLISH : Locale.forLanguageTag("id-ID");
    }

    /** The English text when the page is English and there is one, else the Indonesian. */
    static String pick(String id, String en, Locale locale) {
        return english(locale) && en != null && !en.isBlank() ? en : id;
    }
}
