package id.gerai.queue.internal;

import id.gerai.platform.AttemptThrottle;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Limits on the public queue endpoints, per network address and node: taking tickets (a kiosk of a busy MPP takes a
 * few hundred an hour, so the default leaves room for it while a script cannot exhaust the numbers of a day) and
 * failed check-ins (booking codes are 40 bits, so guessing one is pointless at 20 wrong codes per 15 minutes).
 */
@Configuration(proxyBeanMethods = false)
class QueueThrottles {

    /** Tickets taken per address and service point. */
    static final class Tickets extends AttemptThrottle {
        Tickets(int perHour) {
            super("queue-ticket-throttled", perHour, Duration.ofHours(1));
        }
    }

    /** Wrong booking codes per address. */
    static final class CheckIns extends AttemptThrottle {
        CheckIns() {
            super("queue-check-in-throttled", 20, Duration.ofMinutes(15));
        }
    }

    @Bean
    Tickets queueTicketThrottle(@Value("${gerai.queue.tickets-per-hour:300}") int perHour) {
        if (perHour < 1) {
            throw new IllegalStateException("gerai.queue.tickets-per-hour must be at least 1, not " + perHour);
        }
        return new Tickets(perHour);
    }

    @Bean
    CheckIns queueCheckInThrottle() {
        return new CheckIns();
    }

    static String address(HttpServletRequest request) {
        return "address:" + request.getRemoteAddr();
    }
}
