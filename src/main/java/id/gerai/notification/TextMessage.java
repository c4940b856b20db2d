package id.gerai.notification;

import id.gerai.platform.TenantId;

/**
 * A short text to a mobile phone, delivered by SMS or WhatsApp through the installation's HTTP gateway.
 * The body is already rendered in the recipient's language, plain text, links written out in full.
 *
 * @param tenant the tenant on whose behalf it is sent; {@code null} for installation-wide messages
 * @param phone  an Indonesian mobile number as people write it: {@code 0812-3456-789}, {@code +62 812 3456 789}
 *               or {@code 628123456789}; it is stored as E.164 digits without the plus ({@code 628123456789})
 * @param body   plain text; gateways split long texts into several SMS, so keep it short
 */
public record TextMessage(TenantId tenant, String phone, String body) {
}
