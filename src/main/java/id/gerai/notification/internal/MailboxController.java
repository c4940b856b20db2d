package id.gerai.notification.internal;

import id.gerai.notification.NotificationQueries;
import id.gerai.notification.OutboxMessage;
import id.gerai.platform.GeraiException;
import jakarta.servlet.http.HttpServletResponse;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.FormatStyle;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The demo mailbox: lets someone trying Gerai without a mail server or SMS gateway read the e-mail and text
 * messages it would have sent (registration, password reset). It exists only in demo mode with neither
 * configured, because it shows every queued message of every tenant, reset links included, to anyone.
 */
@Controller
class MailboxController {

    private static final Logger log = LoggerFactory.getLogger(MailboxController.class);
    static final int SHOWN = 100;
    /** Times are shown in WIB, the zone of most tenants; the zone is printed with them. */
    private static final ZoneId SHOWN_ZONE = ZoneId.of("Asia/Jakarta");

    /** One message as the page shows it. */
    record Entry(OutboxMessage message, String createdAt, String createdAtIso, List<BodyText.Segment> body) {
    }

    private final NotificationQueries queries;
    private final boolean demo;

    MailboxController(NotificationQueries queries, @Value("${gerai.demo.enabled:false}") boolean demoEnabled,
                      @Value("${spring.mail.host:}") String smtpHost,
                      @Value("${gerai.notification.gateway.url:}") String gatewayUrl) {
        this.queries = queries;
        // with a real mail server or SMS gateway the messages reach people; then nobody may read them here,
        // demo or not
        this.demo = demoEnabled && (smtpHost == null || smtpHost.isBlank()) && (gatewayUrl == null || gatewayUrl.isBlank());
        if (demo) {
            log.warn("Demo mode: /demo/mailbox shows every queued e-mail and text message publicly, password-reset links included. "
                    + "Set GERAI_DEMO=false on a real installation.");
        }
    }

    @GetMapping("/demo/mailbox")
    String mailbox(@RequestParam(name = "to", required = false) String to,
                   @RequestHeader(name = "HX-Request", required = false) String htmx,
                   Model model, Locale locale, HttpServletResponse response) {
        if (!demo) {
            throw GeraiException.notFound("not-found");
        }
        String filter = to == null || to.isBlank() ? null : to.strip();
        List<OutboxMessage> messages = filter == null ? queries.recent(SHOWN) : queries.recentTo(filter, SHOWN);
        DateTimeFormatter shown = new DateTimeFormatterBuilder()
                .appendLocalized(FormatStyle.MEDIUM, FormatStyle.SHORT).appendLiteral(' ').appendZoneText(TextStyle.SHORT)
                .toFormatter(locale).withZone(SHOWN_ZONE);
        model.addAttribute("to", filter);
        model.addAttribute("entries", messages.stream()
                .map(m -> new Entry(m, shown.format(m.createdAt()),
                        DateTimeFormatter.ISO_INSTANT.format(m.createdAt()), BodyText.segments(m.body())))
                .toList());
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("X-Robots-Tag", "noindex, nofollow");
        return "true".equals(htmx) ? "notification/mailbox :: messages" : "notification/mailbox";
    }
}
