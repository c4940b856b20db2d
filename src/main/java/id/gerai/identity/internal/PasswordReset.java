package id.gerai.identity.internal;

import id.gerai.audit.AuditEvent;
import id.gerai.audit.AuditLog;
import id.gerai.notification.Email;
import id.gerai.notification.Notifications;
import id.gerai.platform.InvalidInput;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Password reset by e-mail link. Only the SHA-256 of the token is stored, so a database reader cannot
 * use a pending link; a link works once, for {@link #VALID_FOR}, and using it voids the account's other links.
 * Asking for a link says the same whether or not the address has an account.
 */
@Service
class PasswordReset {

    static final Duration VALID_FOR = Duration.ofHours(1);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final AccountRepository accounts;
    private final PasswordEncoder passwords;
    private final Notifications notifications;
    private final MessageSource messages;
    private final AuditLog audit;
    private final String baseUrl;

    PasswordReset(JdbcClient jdbc, AccountRepository accounts, PasswordEncoder passwords, Notifications notifications,
                  MessageSource messages, AuditLog audit, @Value("${gerai.base-url}") String baseUrl) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.passwords = passwords;
        this.notifications = notifications;
        this.messages = messages;
        this.audit = audit;
        this.baseUrl = baseUrl.replaceAll("/+$", "");
    }

    @Transactional
    void request(String email, Locale locale) {
        if (email == null || email.isBlank() || email.length() > 254) {
            throw InvalidInput.of("email", "validation.email");
        }
        Optional<AccountRepository.AccountRow> account = accounts.findByLogin(email.strip());
        if (account.isEmpty() || !account.get().enabled() || account.get().email() == null) {
            return;
        }
        byte[] raw = new byte[32];
        RANDOM.nextBytes(raw);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        jdbc.sql("insert into password_reset (token_hash, account_id, expires_at) values (:h, :a, now() + cast(:v as interval))")
                .param("h", hash(token)).param("a", account.get().id()).param("v", VALID_FOR.toSeconds() + " seconds").update();
        String link = baseUrl + "/reset-password?token=" + token;
        String subject = messages.getMessage("reset.mail.subject", null, locale);
        String body = messages.getMessage("reset.mail.body", new Object[] {account.get().fullName(), link, VALID_FOR.toMinutes()}, locale);
        notifications.queue(new Email(null, account.get().email(), subject, body));
        audit.record(AuditEvent.of(null, "identity.password-reset.requested", "account", account.get().id(), null, Map.of()).byActor("system"));
    }

    boolean tokenUsable(String token) {
        return findAccount(token).isPresent();
    }

    @Transactional
    void reset(String token, String password, String confirm) {
        UUID accountId = findAccount(token).orElseThrow(() -> InvalidInput.of("token", "reset.token-invalid"));
        var errors = new InvalidInput.Collector();
        if (password == null || password.length() < Registration.PASSWORD_MIN || password.length() > Registration.PASSWORD_MAX) {
            errors.add("password", "validation.password-length");
        } else if (!password.equals(confirm)) {
            errors.add("passwordConfirm", "validation.password-mismatch");
        }
        errors.throwIfAny();
        int used = jdbc.sql("update password_reset set used_at = now() where token_hash = :h and used_at is null and expires_at > now()")
                .param("h", hash(token)).update();
        if (used != 1) {
            throw InvalidInput.of("token", "reset.token-invalid");
        }
        jdbc.sql("update password_reset set used_at = now() where account_id = :a and used_at is null").param("a", accountId).update();
        accounts.updatePassword(accountId, passwords.encode(password));
        audit.record(AuditEvent.of(null, "identity.password.reset", "account", accountId, null, Map.of()).byActor(accountId.toString()));
    }

    private Optional<UUID> findAccount(String token) {
        if (token == null || token.isBlank() || token.length() > 100) {
            return Optional.empty();
        }
        return jdbc.sql("select account_id from password_reset where token_hash = :h and used_at is null and expires_at > now()")
                .param("h", hash(token)).query(UUID.class).optional();
    }

    private static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
