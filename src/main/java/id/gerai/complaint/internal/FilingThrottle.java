package id.gerai.complaint.internal;

import id.gerai.identity.GeraiUser;
import id.gerai.platform.AttemptThrottle;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Keeps one sender from flooding the complaint desk: at most {@code gerai.complaints.filings-per-hour} reports per
 * hour from one signed-in account, or from one network address when nobody is signed in; the next is refused (429
 * {@code complaint-filing-throttled}) and the form keeps what was typed. Reports that were refused as invalid do
 * not count. The default leaves room for a family or a small office behind one address; an MPP kiosk files with
 * the officer's or the citizen's account, which has its own allowance.
 */
@Component
class FilingThrottle extends AttemptThrottle {

    FilingThrottle(@Value("${gerai.complaints.filings-per-hour:20}") int perHour) {
        super("complaint-filing-throttled", perHour, Duration.ofHours(1));
    }

    /** Whose allowance a filing uses: the account when someone is signed in, else the client's address. */
    static String sender(GeraiUser user, HttpServletRequest request) {
        return user != null && user.accountId() != null ? "account:" + user.accountId() : "address:" + request.getRemoteAddr();
    }
}
