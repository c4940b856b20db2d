package id.gerai.identity.internal;

import id.gerai.audit.AuditEvent;
import id.gerai.audit.AuditLog;
import id.gerai.identity.NikCheck;
import id.gerai.identity.NikValidator;
import id.gerai.platform.InvalidInput;
import id.gerai.platform.Masking;
import java.text.Normalizer;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A citizen creates their one account for the whole installation, or claims the record an officer made for
 * them at a counter (see {@link WalkIn}).
 *
 * <p>Claiming: a registration with the NIK of an unclaimed record and the same full name (ignoring case and
 * spacing) turns that record into the citizen's account, keeping its id, so the applications filed for them
 * at the counter are theirs. Any other registration with a NIK already on file is refused with the one
 * "NIK already registered" message, whether the record is claimed or the name differs, so the answer does
 * not tell a claimed account from a counter record with another name.
 *
 * <p>Remaining risk: the NIK and the full name are not secrets. Both are printed on the KTP and the KK,
 * which are photocopied for nearly every public service, so whoever holds such a copy can claim a walk-in
 * citizen's record before the citizen does, and then read and act on what was filed for them. The refusal
 * also confirms a guessed name for an unclaimed NIK (the NIK error disappears when the name is right),
 * and registration is not throttled. Stronger proof is left for later: a one-time code sent to the phone
 * the officer recorded, or a claim code printed on the counter receipt, or a Dukcapil identity check.
 * A citizen who finds their record taken goes back to a counter; that is a manual case for now.
 */
@Service
class Registration {

    /** What the citizen typed, from the page or the API. */
    record RegisterCitizen(String fullName, String nik, String email, String phone, String password,
                           String passwordConfirm, boolean consent) {
    }

    static final Pattern EMAIL = Pattern.compile("^[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]{2,}$");
    static final Pattern PHONE = Pattern.compile("^(\\+62|62|0)8\\d{7,12}$");
    private static final Pattern CONTROL = Pattern.compile("\\p{Cc}");
    static final int NAME_MAX = 150;
    static final int EMAIL_MAX = 254;
    static final int PASSWORD_MIN = 10;
    static final int PASSWORD_MAX = 128;

    private final AccountRepository accounts;
    private final NikValidator nikValidator;
    private final PasswordEncoder passwords;
    private final AuditLog audit;

    Registration(AccountRepository accounts, NikValidator nikValidator, PasswordEncoder passwords, AuditLog audit) {
        this.accounts = accounts;
        this.nikValidator = nikValidator;
        this.passwords = passwords;
        this.audit = audit;
    }

    @Transactional
    UUID register(RegisterCitizen c) {
        return register(c, true, "password");
    }

    /**
     * A citizen who came through an OpenID Connect provider ({@link OidcAccounts}): the same checks and the same claim of a
     * counter record, but no Gerai password (the provider is the way in until the citizen sets one by password reset).
     * The caller links the identity in the same transaction.
     */
    @Transactional
    UUID registerWithoutPassword(RegisterCitizen c) {
        return register(c, false, "oidc");
    }

    private UUID register(RegisterCitizen c, boolean withPassword, String via) {
        var errors = new InvalidInput.Collector();
        String fullName = cleanName(c.fullName());
        String email = email(c.email());
        String phone = phone(c.phone());
        checkName(fullName, errors);
        NikCheck nik = nikValidator.check(c.nik());
        Optional<AccountRepository.AccountRow> walkIn = Optional.empty();
        if (!nik.valid()) {
            errors.add("nik", "nik." + nik.errors().getFirst());
        } else {
            Optional<AccountRepository.AccountRow> onFile = accounts.findByNik(nik.nik());
            if (onFile.isPresent() && !onFile.get().claimed() && sameName(onFile.get().fullName(), fullName)) {
                walkIn = onFile;
            } else if (onFile.isPresent()) {
                // claimed, or a counter record under another name: one answer for both (see the class comment)
                errors.add("nik", "registration.nik-taken");
            }
        }
        if (!validEmail(email)) {
            errors.add("email", "validation.email");
        } else if (accounts.emailTaken(email)) {
            errors.add("email", "registration.email-taken");
        }
        if (withPassword || !phone.isEmpty()) {
            if (!validPhone(phone)) {
                errors.add("phone", "validation.phone");
            }
        }
        String password = c.password() == null ? "" : c.password();
        if (withPassword) {
            if (password.length() < PASSWORD_MIN || password.length() > PASSWORD_MAX) {
                errors.add("password", "validation.password-length");
            } else if (!password.equals(c.passwordConfirm())) {
                errors.add("passwordConfirm", "validation.password-mismatch");
            }
        }
        if (!c.consent()) {
            errors.add("consent", "registration.consent-required");
        }
        errors.throwIfAny();

        String hash = withPassword ? passwords.encode(password) : null;
        String storedPhone = phone.isEmpty() ? null : phone;
        if (walkIn.isPresent()) {
            return claim(walkIn.get().id(), email, storedPhone, hash, nik.nik(), via);
        }
        UUID id = UUID.randomUUID();
        try {
            accounts.insert(id, "CITIZEN", email, storedPhone, fullName, nik.nik(), hash, Instant.now());
        } catch (DuplicateKeyException e) {
            // two registrations (or a registration and a walk-in) raced past the checks above; the unique index decided
            throw duplicate(e);
        }
        Map<String, Object> after = new java.util.LinkedHashMap<>(
                Map.of("kind", "CITIZEN", "email", Masking.email(email), "nik", Masking.nik(nik.nik())));
        if (!withPassword) {
            after.put("via", via);
        }
        audit.record(AuditEvent.of(null, "identity.account.registered", "account", id, null, after).byActor(id.toString()));
        return id;
    }

    private UUID claim(UUID id, String email, String phone, String passwordHash, String nik, String via) {
        boolean claimed;
        try {
            claimed = accounts.claim(id, email, phone, passwordHash, Instant.now());
        } catch (DuplicateKeyException e) {
            throw duplicate(e);
        }
        if (!claimed) {
            // another registration claimed it between our read and our update
            throw InvalidInput.of("nik", "registration.nik-taken");
        }
        Map<String, Object> after = new java.util.LinkedHashMap<>(
                Map.of("claimed", true, "email", Masking.email(email), "nik", Masking.nik(nik)));
        if (passwordHash == null) {
            after.put("via", via);
        }
        audit.record(AuditEvent.of(null, "identity.account.claimed", "account", id, Map.of("claimed", false), after)
                .byActor(id.toString()));
        return id;
    }

    private static InvalidInput duplicate(DuplicateKeyException e) {
        return String.valueOf(e.getMessage()).contains("account_nik_uq")
                ? InvalidInput.of("nik", "registration.nik-taken")
                : InvalidInput.of("email", "registration.email-taken");
    }

    /*
     * The rules for what a person types about themselves, shared with the profile correction (ProfileCorrection), so
     * an account cannot be corrected into what registration would have refused.
     */

    /**
     * Refuses an empty or too long full name, and one with control characters (a pasted tab or line break is spacing
     * and is cleaned away before this; anything else, such as NUL, is no letter of any name and PostgreSQL would
     * refuse it anyway).
     */
    static void checkName(String fullName, InvalidInput.Collector errors) {
        if (fullName.isEmpty() || fullName.length() > NAME_MAX) {
            errors.add("fullName", fullName.isEmpty() ? "validation.required" : "validation.too-long");
        } else if (CONTROL.matcher(fullName).find()) {
            errors.add("fullName", "validation.name-characters");
        }
    }

    /** An e-mail address as stored and compared: trimmed, lower case. */
    static String email(String typed) {
        return trim(typed).toLowerCase(Locale.ROOT);
    }

    static boolean validEmail(String email) {
        return EMAIL.matcher(email).matches() && email.length() <= EMAIL_MAX;
    }

    /** A phone number as stored: spaces and dashes people type between the digit groups removed. */
    static String phone(String typed) {
        return trim(typed).replaceAll("[\\s-]", "");
    }

    static boolean validPhone(String phone) {
        return PHONE.matcher(phone).matches();
    }

    /** A full name as stored: trimmed, runs of spaces made one. */
    static String cleanName(String name) {
        return name == null ? "" : name.strip().replaceAll("\\s+", " ");
    }

    /** Whether two spellings name the same person as typed from one KTP: case, spacing and Unicode forms ignored. */
    static boolean sameName(String a, String b) {
        return comparable(a).equals(comparable(b));
    }

    private static String comparable(String name) {
        return cleanName(Normalizer.normalize(name == null ? "" : name, Normalizer.Form.NFKC)).toLowerCase(Locale.ROOT);
    }

    private static String trim(String s) {
        return s == null ? "" : s.strip();
    }
}
