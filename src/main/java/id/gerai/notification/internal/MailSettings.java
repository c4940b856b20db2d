package id.gerai.notification.internal;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The sender of outgoing mail; the SMTP server itself is Spring Boot's {@code spring.mail.*}.
 *
 * @param from the From address ({@code GERAI_MAIL_FROM})
 */
@Validated
@ConfigurationProperties("gerai.mail")
record MailSettings(@NotBlank @Email String from) {
}
