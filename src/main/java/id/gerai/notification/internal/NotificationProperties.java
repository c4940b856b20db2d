package id.gerai.notification.internal;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How the outbox is dispatched.
 *
 * @param dispatchInterval pause between two dispatcher runs (read by the scheduler as well)
 * @param batchSize        messages claimed at a time; small, so one slow mail server holds few messages
 * @param maxAttempts      failed attempts after which a message is marked {@code FAILED}
 * @param lease            how long claimed messages are hidden from other dispatchers while being sent;
 *                         must exceed the time a batch can take (see the SMTP timeouts), or a slow
 *                         batch may be claimed and sent again by another node
 * @param retention        how long sent and failed messages are kept (their bodies hold names, tracking numbers and
 *                         links); then {@link OutboxRetention} deletes them. Pending ones are never deleted.
 */
@Validated
@ConfigurationProperties("gerai.notification")
record NotificationProperties(
        @DefaultValue("2s") @NotNull Duration dispatchInterval,
        @DefaultValue("10") @Min(1) @Max(100) int batchSize,
        @DefaultValue("8") @Min(1) @Max(20) int maxAttempts,
        @DefaultValue("15m") @NotNull Duration lease,
        @DefaultValue("30d") @NotNull @DurationMin(days = 1) Duration retention) {
}
