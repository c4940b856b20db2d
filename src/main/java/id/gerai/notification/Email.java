package id.gerai.notification;

import id.gerai.platform.TenantId;

/**
 * An e-mail to send. Subject and body are already rendered in the recipient's language.
 *
 * @param tenant the tenant on whose behalf it is sent; {@code null} for installation-wide mail
 */
public record Email(TenantId tenant, String to, String subject, String body) {
}
