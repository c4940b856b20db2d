package id.gerai.catalog.web;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** Fees, time limits, sizes and dates as a citizen reads them, in the page's language. */
@Component
class PublicFormat {

    /** Published dates are shown in western Indonesian time; the day is what matters here. */
    static final ZoneId WIB = ZoneId.of("Asia/Jakarta");

    private final MessageSource messages;

    PublicFormat(MessageSource messages) {
        this.messages = messages;
    }

    /** "Gratis", or "Rp 30.000" ("IDR 30,000" in English). */
    String fee(BigDecimal fee, Locale locale) {
        if (fee == null || fee.signum() == 0) {
            return messages.getMessage("catalog.public.fee.free", null, locale);
        }
        NumberFormat number = NumberFormat.getNumberInstance(numberLocale(locale));
        number.setMinimumFractionDigits(0);
        number.setMaximumFractionDigits(2);
        return messages.getMessage("catalog.public.fee.amount", new Object[]{number.format(fee)}, locale);
    }

    /** "14 hari kerja", or "selesai pada hari yang sama" for zero. */
    String timeLimit(int days, Locale locale) {
        return days <= 0 ? messages.getMessage("catalog.public.time-limit.same-day", null, locale)
                : messages.getMessage("catalog.public.time-limit.days", new Object[]{days}, locale);
    }

    /** "2 MB", "500 KB". */
    String size(int kilobytes, Locale locale) {
        if (kilobytes >= 1024 && kilobytes % 1024 == 0) {
            return messages.getMessage("catalog.public.size.mb", new Object[]{kilobytes / 1024}, locale);
        }
        if (kilobytes >= 1024) {
            NumberFormat number = NumberFormat.getNumberInstance(numberLocale(locale));
            number.setMaximumFractionDigits(1);
            return messages.getMessage("catalog.public.size.mb", new Object[]{number.format(kilobytes / 1024.0)}, locale);
        }
        return messages.getMessage("catalog.public.size.kb", new Object[]{kilobytes}, locale);
    }

    String date(Instant instant, Locale locale) {
        if (instant == null) {
            return "";
        }
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(numberLocale(locale)).format(instant.atZone(WIB));
    }

    /** "application/pdf" is "PDF", "image/jpeg" is "JPEG". */
    static String fileType(String mime) {
        if (mime == null || mime.isBlank()) {
            return "";
        }
        String sub = mime.substring(mime.indexOf('/') + 1);
        int plus = sub.indexOf('+');
        sub = plus > 0 ? sub.substring(0, plus) : sub;
        if (sub.startsWith("vnd.openxmlformats-officedocument.wordprocessingml")) {
            return "DOCX";
        }
        return sub.toUpperCase(Locale.ROOT);
    }

    /** Indonesian pages group digits with dots (30.000), English ones with commas (30,000). */
    private static Locale numberLocale(Locale locale) {
        return "en".equals(locale.getLanguage()) ? Locale.ENGLISH : Locale.forLanguageTag("id-ID");
    }
}
