package id.gerai.identity.internal;

import id.gerai.audit.AuditEvent;
import id.gerai.audit.AuditLog;
import id.gerai.notification.Email;
import id.gerai.notification.Notifications;
import id.gerai.platform.GeraiException;
import id.gerai.platform.InvalidInput;
import id.gerai.platform.Masking;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A person corrects their own account data (UU 27/2022, the right to correction): full name, e-mail address and phone
 * number, by the rules registration applies ({@link Registration#checkName} and the rest), so a correction cannot
 * make what registration would have refused.
 *
 * <p>Not the NIK: it is the key the civil registry (Dukcapil) knows the person by, and the key a counter officer
 * finds and links a walk-in citizen by ({@link WalkIn}), so it is corrected at an MPP counter with the KTP-el, never
 * online. Nothing here writes it, whatever a form or a request body carries.
 *
 * <p>The e-mail address is the login name and the channel of the password reset, so a session alone (a computer
 * left signed in) must not be enough to move the account to another address: changing it asks for the current
 * password. A wrong one counts as a failed login of the account's login name in the {@link LoginThrottle}, and a
 * locked name is refused before the password is checked, so this form is no way round the login throttling to
 * guess the password. The old address is told of the change, so a change its owner did not make does not go
 * unnoticed.
 *
 * <p>Every change leaves an audit record {@code identity.profile.corrected} by the person, naming the fields that
 * changed with their old and new values masked: the audit log is append-only and kept long, and must not become a
 * second, undeletable copy of the person's data.
 */
@Service
class ProfileCorrection {

    /**
     * What the person sent. A {@code null} field is left as it is (a JSON merge patch that leaves it out); the page
     * always sends all three. {@code currentPassword} is needed only when the e-mail address changes.
     */
    record CorrectProfile(String fullName, String email, String phone, String currentPassword) {
    }

    /** The account after the correction, and the fields that changed (none when everything was already so). */
    record Corrected(AccountRepository.AccountRow account, List<String> changed) {
    }

    private final AccountRepository accounts;
    private final PasswordEncoder passwords;
    private final LoginThrottle throttle;
    private final AuditLog audit;
    private final Notifications notifications;
    private final MessageSource messages;
    private final TransactionTemplate tx;

    ProfileCorrection(AccountRepository accounts, PasswordEncoder passwords, LoginThrottle throttle, AuditLog audit,
                      Notifications notifications, MessageSource messages, TransactionTemplate tx) {
        this.accounts = accounts;
        this.passwords = passwords;
        this.throttle = throttle;
        this.audit = audit;
        this.notifications = notifications;
        this.messages = messages;
        this.tx = tx;
    }

    /**
     * Corrects the account {@code accountId}: always the signed-in person's own, which callers take from the session
     * or the API credentials, never from the request. Throws {@link InvalidInput} (422) naming each field that breaks a
     * rule, or a conflict (409, {@code email-taken}) when another account logs in with the new address; nothing is
     * written then.
     *
     * <p>Not one transaction as a whole: a wrong password is counted in a transaction of its own, committed even
     * though the correction is refused (a count rolled back with the refusal would not slow anybody down).
     */
    Corrected correct(UUID accountId, CorrectProfile c, Locale locale) {
        AccountRepository.AccountRow before = accounts.findById(accountId).filter(AccountRepository.AccountRow::claimed)
                .orElseThrow(() -> GeraiException.forbidden("forbidden"));
        var errors = new InvalidInput.Collector();
        String fullName = c.fullName() == null ? before.fullName() : Registration.cleanName(c.fullName());
        Registration.checkName(fullName, errors);
        // an address that differs from the stored one only in case is the same login: left as stored
        String typedEmail = c.email() == null ? null : Registration.email(c.email());
        boolean emailChanges = typedEmail != null && !typedEmail.equals(Registration.email(before.email()));
        String email = emailChanges ? typedEmail : before.email();
        if (emailChanges && !Registration.validEmail(email)) {
            errors.add("email", "validation.email");
        }
        String phone = phone(c.phone(), before, errors);
        if (emailChanges && !errors.has("email")) {
            checkPassword(before, c.currentPassword(), errors, "account.profile");
        }
        errors.throwIfAny();
        if (emailChanges && accounts.emailTaken(email)) {
            throw emailTaken();
        }

        Map<String, Object> was = new LinkedHashMap<>();
        Map<String, Object> now = new LinkedHashMap<>();
        List<String> changed = new ArrayList<>();
        if (!fullName.equals(before.fullName())) {
            changed.add("fullName");
            was.put("fullName", Masking.name(before.fullName()));
            now.put("fullName", Masking.name(fullName));
        }
        if (emailChanges) {
            changed.add("email");
            was.put("email", Masking.email(before.email()));
            now.put("email", Masking.email(email));
        }
        if (!Objects.equals(phone, before.phone())) {
            changed.add("phone");
            was.put("phone", Masking.phone(before.phone()));
            now.put("phone", Masking.phone(phone));
        }
        if (changed.isEmpty()) {
            return new Corrected(before, List.of());
        }
        now.put("fields", changed);
        try {
            tx.executeWithoutResult(s -> {
                if (!accounts.updateProfile(accountId, fullName, email, phone)) {
                    throw GeraiException.forbidden("forbidden");
                }
                audit.record(AuditEvent.of(null, "identity.profile.corrected", "account", accountId, was, now)
                        .byActor(accountId.toString()));
                if (emailChanges) {
                    tellOldAddress(before, locale);
                }
            });
        } catch (DuplicateKeyException e) {
            // another account took the address between the check above and the update: the unique index decided
            throw emailTaken();
        }
        return new Corrected(accounts.findById(accountId).orElseThrow(), List.copyOf(changed));
    }

    /**
     * The phone as it will be stored. A citizen must keep one (registration asks for it; the counter and the
     * notifications reach them by it); a staff account may have none, so an empty field clears it.
     */
    private static String phone(String typed, AccountRepository.AccountRow before, InvalidInput.Collector errors) {
        if (typed == null) {
            return before.phone();
        }
        String phone = Registration.phone(typed);
        if (phone.isEmpty() && !before.citizen()) {
            return null;
        }
        if (phone.isEmpty()) {
            errors.add("phone", "validation.required");
        } else if (!Registration.validPhone(phone)) {
            errors.add("phone", "validation.phone");
        }
        return phone;
    }

    /**
     * The current password, behind the login throttle of the account's login name: a locked name is refused without
     * looking at the password, and a wrong password counts like a failed login (see the class comment). An empty
     * field is no guess and is not counted. Shared with the closing of an account ({@link AccountClosing}), which
     * guards the same way against a session left open; {@code keys} is the prefix of the messages that say what was
     * not done ({@code .password-required}, {@code .password-wrong}, {@code .password-locked}, and {@code .password-none}
     * for an account made through an identity provider, which has no password until one is set by the reset link).
     */
    void checkPassword(AccountRepository.AccountRow account, String password, InvalidInput.Collector errors, String keys) {
        if (password == null || password.isEmpty()) {
            errors.add("currentPassword", keys + ".password-required");
            return;
        }
        if (account.passwordHash() == null) {
            // signed up through an identity provider: no password to confirm with, and nothing to count as a guess
            errors.add("currentPassword", keys + ".password-none");
            return;
        }
        String login = account.email();
        if (throttle.lockedUntil(login).isPresent()) {
            errors.add("currentPassword", keys + ".password-locked");
            return;
        }
        if (account.passwordHash() != null && passwords.matches(password, account.passwordHash())) {
            throttle.succeeded(login);
            return;
        }
        // counted, and audited when it locks the name, as a failed login is
        boolean locked = throttle.countFailure(login);
        errors.add("currentPassword", keys + (locked ? ".password-locked" : ".password-wrong"));
    }

    private void tellOldAddress(AccountRepository.AccountRow before, Locale locale) {
        String subject = messages.getMessage("account.profile.mail.subject", null, locale);
        String body = messages.getMessage("account.profile.mail.body", new Object[] {before.fullName()}, locale);
        notifications.queue(new Email(null, before.email(), subject, body));
    }

    private static InvalidInput emailTaken() {
        return InvalidInput.conflict("email-taken", "email", "account.profile.email-taken");
    }
}
