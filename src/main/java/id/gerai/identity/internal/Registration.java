package id.gerai.identity.internal;

import id.gerai.audit.AuditEvent;
import id.gerai.audit.AuditLog;
import id.gerai.identity.NikCheck;
import id.gerai.identity.NikValidator;
import id.gerai.platform.InvalidInput;
import id.gerai.platform.Masking;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A citizen creates their one account for the whole installation. */
@Service
class Registration implements id.gerai.identity.CitizenAccounts {

    /** What the citizen typed, from the page or the API. */
    record RegisterCitizen(String fullName, String nik, String email, String phone, String password,
                           String passwordConfirm, boolean consent) {
    }

    static final Pattern EMAIL = Pattern.compile("^[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]{2,}$");
    static final Pattern PHONE = Pattern.compile("^(\\+62|62|0)8\\d{7,12}$");
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
        var errors = new InvalidInput.Collector();
        String fullName = trim(c.fullName());
        String email = trim(c.email()).toLowerCase(java.util.Locale.ROOT);
        String phone = trim(c.phone()).replaceAll("[\\s-]", "");
        if (fullName.isEmpty() || fullName.length() > 150) {
            errors.add("fullName", fullName.isEmpty() ? "validation.required" : "validation.too-long");
        }
        NikCheck nik = nikValidator.check(c.nik());
        if (!nik.valid()) {
            errors.add("nik", "nik." + nik.errors().getFirst());
        } else if (accounts.nikTaken(nik.nik())) {
            errors.add("nik", "registration.nik-taken");
        }
        if (!EMAIL.matcher(email).matches() || email.length() > 254) {
            errors.add("email", "validation.email");
        } else if (accounts.emailTaken(email)) {
            errors.add("email", "registration.email-taken");
        }
        if (!PHONE.matcher(phone).matches()) {
            errors.add("phone", "validation.phone");
        }
        String password = c.password() == null ? "" : c.password();
        if (password.length() < PASSWORD_MIN || password.length() > PASSWORD_MAX) {
            errors.add("password", "validation.password-length");
        } else if (!password.equals(c.passwordConfirm())) {
            errors.add("passwordConfirm", "validation.password-mismatch");
        }
        if (!c.consent()) {
            errors.add("consent", "registration.consent-required");
        }
        errors.throwIfAny();

        UUID id = UUID.randomUUID();
        try {
            accounts.insert(id, "CITIZEN", email, phone, fullName, nik.nik(), passwords.encode(password), Instant.now());
        } catch (org.springframework.dao.DuplicateKeyException e) {
            // two registrations raced past the checks above; the unique index decided
            throw InvalidInput.of("email", "registration.email-taken");
        }
        audit.record(AuditEvent.of(null, "identity.account.registered", "account", id, null,
                Map.of("kind", "CITIZEN", "email", Masking.email(email), "nik", Masking.nik(nik.nik())))
                .byActor(id.toString()));
        return id;
    }

    @Override
    @Transactional
    public UUID register(String fullName, String nik, String email, String phone, String password) {
        return register(new RegisterCitizen(fullName, nik, email, phone, password, password, true));
    }

    private static String trim(String s) {
        return s == null ? "" : s.strip();
    }
}
