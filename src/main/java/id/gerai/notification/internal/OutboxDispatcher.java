package id.gerai.notification.internal;

import id.gerai.platform.TenantContext;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivers the outbox rows of one channel; {@link EmailDispatcher} and {@link GatewayDispatcher} say how a
 * single message goes out, this class does the rest. Each round claims a small batch of due messages of
 * all tenants (a short transaction; see {@link OutboxRepository#claimDue}), sends them with no lock held,
 * then records each outcome. A failure is tried again later, ever less often ({@link #BACKOFF}); after
 * {@code gerai.notification.max-attempts} failures, or at once when the channel says the message can never
 * be delivered, it is marked {@code FAILED}. Any number of dispatchers (threads or nodes) may run at once.
 *
 * <p>Hazard: a batch must be sent within half the lease, or what is left is released for the next round;
 * so each channel bounds the time one message may take (SMTP and HTTP timeouts).
 */
abstract class OutboxDispatcher {

    private static final Logger log = LoggerFactory.getLogger(OutboxDispatcher.class);

    /** Wait before the next attempt, by failed attempts so far (1, 2, ...); the last one repeats. */
    static final List<Duration> BACKOFF = List.of(Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofMinutes(30),
            Duration.ofHours(2), Duration.ofHours(6), Duration.ofHours(12), Duration.ofHours(24));

    /** What one {@link #dispatchNow()} did. */
    record Result(int sent, int retrying, int failed) {
        static final Result NONE = new Result(0, 0, 0);

        Result plus(Result other) {
            return new Result(sent + other.sent, retrying + other.retrying, failed + other.failed);
        }
    }

    /**
     * How a failed attempt is recorded.
     *
     * @param code      a short kind of failure for {@code last_error}: a class name or a status, never text
     *                  from the message or the server (it may echo the message)
     * @param permanent trying again cannot help (a malformed message, a gateway that refuses it)
     */
    record Failure(String code, boolean permanent) {
        Failure {
            code = code.length() > 200 ? code.substring(0, 200) : code;
        }
    }

    private final String channel;
    private final OutboxRepository outbox;
    private final NotificationProperties settings;
    private final TransactionTemplate transaction;

    OutboxDispatcher(String channel, OutboxRepository outbox, NotificationProperties settings,
                     PlatformTransactionManager transactions) {
        this.channel = channel;
        this.outbox = outbox;
        this.settings = settings;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** Whether the channel is configured; when it is not, its messages stay {@code PENDING}. */
    abstract boolean enabled();

    /** Hands one message over; returns normally once the server has accepted it. */
    abstract void deliver(OutboxRepository.Claimed message);

    /** What a failure of {@link #deliver} means. */
    abstract Failure failure(RuntimeException e);

    /** The recipient as it may appear in a log: masked. */
    abstract String masked(String recipient);

    /** One scheduled round; subclasses call it from their {@code @Scheduled} method. */
    void round() {
        try {
            Result result = dispatchNow();
            if (result.failed() > 0 || result.retrying() > 0) {
                log.warn("Outbox {}: {} sent, {} to retry, {} given up", channel, result.sent(), result.retrying(),
                        result.failed());
            }
        } catch (RuntimeException e) {
            log.error("Outbox {} dispatch failed; trying again in the next round", channel, e);
        }
    }

    /** Sends every message of this channel that is due now, batch after batch; does nothing when off. */
    Result dispatchNow() {
        if (!enabled()) {
            return Result.NONE;
        }
        Result total = Result.NONE;
        while (true) {
            List<OutboxRepository.Claimed> batch =
                    acrossTenants(() -> outbox.claimDue(channel, settings.batchSize(), settings.lease()));
            if (batch.isEmpty()) {
                return total;
            }
            total = total.plus(send(batch));
        }
    }

    private Result send(List<OutboxRepository.Claimed> batch) {
        long claimedAt = System.nanoTime();
        int sent = 0;
        int retrying = 0;
        int failed = 0;
        for (int i = 0; i < batch.size(); i++) {
            if (Duration.ofNanos(System.nanoTime() - claimedAt).compareTo(settings.lease().dividedBy(2)) > 0) {
                // The lease may run out before the rest is sent, and another dispatcher could claim them too.
                List<OutboxRepository.Claimed> rest = batch.subList(i, batch.size());
                acrossTenants(() -> {
                    rest.forEach(outbox::release);
                    return null;
                });
                log.warn("Outbox {}: the server is slow; {} claimed messages released for the next round", channel,
                        rest.size());
                break;
            }
            OutboxRepository.Claimed m = batch.get(i);
            try {
                deliver(m);
                acrossTenants(() -> {
                    outbox.markSent(m);
                    return null;
                });
                sent++;
            } catch (RuntimeException e) {
                int attempts = m.attempts() + 1;
                Failure failure = failure(e);
                Duration retryIn = failure.permanent() || attempts >= settings.maxAttempts() ? null : backoff(attempts);
                acrossTenants(() -> {
                    outbox.markFailedAttempt(m, failure.code(), retryIn);
                    return null;
                });
                if (retryIn == null) {
                    failed++;
                    log.warn("Outbox {}: message {} to {} given up after {} attempts: {}", channel, m.id(),
                            masked(m.recipient()), attempts, failure.code());
                } else {
                    retrying++;
                    log.info("Outbox {}: message {} to {} not sent (attempt {}): {}; next try in {}", channel, m.id(),
                            masked(m.recipient()), attempts, failure.code(), retryIn);
                }
            }
        }
        return new Result(sent, retrying, failed);
    }

    static Duration backoff(int failedAttempts) {
        return BACKOFF.get(Math.min(Math.max(failedAttempts, 1), BACKOFF.size()) - 1);
    }

    private <T> T acrossTenants(Supplier<T> work) {
        // The scope first: it is applied when the transaction takes its connection.
        return TenantContext.callAcrossTenants(() -> transaction.execute(status -> work.get()));
    }
}
