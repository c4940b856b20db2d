package id.gerai.notification;

import id.gerai.platform.TenantId;

/**
 * An e-mail to send. Subject and body are already rendered in the recipient's language; the body is
 * plain text (UTF-8), and links in it are written out in full.
 *
 * @param tenant  the tenant on whose behalf it is sent; {@code null} for installation-wide mail
 * @param to      the recipient's address, e.g. {@code budi@example.id}
 * @param subject one line; line breaks are folded into spaces
 * @param body    plain text
 */
public record Email(TenantId tenant, String to, String subject, String body) {
}
