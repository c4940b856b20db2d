package id.gerai.identity.internal;

import id.gerai.audit.AuditEvent;
import id.gerai.audit.AuditLog;
import id.gerai.identity.CitizenAccounts.Citizen;
import id.gerai.identity.CurrentUser;
import id.gerai.identity.GeraiUser;
import id.gerai.identity.NikCheck;
import id.gerai.identity.NikValidator;
import id.gerai.platform.InvalidInput;
import id.gerai.platform.Masking;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An officer at a counter or village office finds a walk-in citizen's record by NIK, or makes one. A new
 * record is unclaimed: no password, no login, and its e-mail is contact data, not a login name, until the
 * citizen registers with the same NIK and name (see {@link Registration}). An existing record is never
 * overwritten from the counter; only a missing phone or e-mail is filled in.
 */
@Service
class WalkIn {

    private final AccountRepository accounts;
    private final NikValidator nikValidator;
    private final AuditLog audit;

    WalkIn(AccountRepository accounts, NikValidator nikValidator, AuditLog audit) {
        this.accounts = accounts;
        this.nikValidator = nikValidator;
        this.audit = audit;
    }

    @Transactional
    Citizen findOrRecord(String rawNik, String rawFullName, String rawPhone, String rawEmail) {
        var errors = new InvalidInput.Collector();
        NikCheck nik = nikValidator.check(WalkIn.nik(rawNik));
        if (!nik.valid()) {
            errors.add("nik", "nik." + nik.errors().getFirst());
        }
        String fullName = Registration.cleanName(rawFullName);
        if (fullName.isEmpty() || fullName.length() > Registration.NAME_MAX) {
            errors.add("fullName", fullName.isEmpty() ? "validation.required" : "validation.too-long");
        }
        String phone = blankToNull(rawPhone == null ? null : rawPhone.replaceAll("[\\s-]", ""));
        if (phone != null && !Registration.PHONE.matcher(phone).matches()) {
            errors.add("phone", "validation.phone");
        }
        String email = blankToNull(rawEmail == null ? null : rawEmail.strip().toLowerCase(Locale.ROOT));
        if (email != null && (!Registration.EMAIL.matcher(email).matches() || email.length() > Registration.EMAIL_MAX)) {
            errors.add("email", "validation.email");
        }
        errors.throwIfAny();

        Optional<AccountRepository.AccountRow> onFile = accounts.findByNik(nik.nik());
        if (onFile.isEmpty()) {
            UUID id = UUID.randomUUID();
            UUID officer = CurrentUser.get().map(GeraiUser::accountId).orElse(null);
            if (accounts.insertUnclaimed(id, email, phone, fullName, nik.nik(), officer)) {
                Map<String, Object> after = new LinkedHashMap<>();
                after.put("kind", "CITIZEN");
                after.put("claimed", false);
                after.put("nik", Masking.nik(nik.nik()));
                if (email != null) {
                    after.put("email", Masking.email(email));
                }
                // no actor given: the audit log records the signed-in officer
                audit.record(AuditEvent.of(null, "identity.account.walk-in-recorded", "account", id, null, after));
                return accounts.findById(id).orElseThrow().toCitizen();
            }
            // a concurrent walk-in or registration recorded this NIK first: use theirs
            onFile = accounts.findByNik(nik.nik());
        }
        return addMissingContact(onFile.orElseThrow(), phone, email);
    }

    private Citizen addMissingContact(AccountRepository.AccountRow a, String phone, String email) {
        Map<String, Object> added = new LinkedHashMap<>();
        if ((a.phone() == null || a.phone().isBlank()) && phone != null) {
            added.put("phone", "added");
        }
        if (a.email() == null && email != null) {
            added.put("email", Masking.email(email));
        }
        if (added.isEmpty()) {
            return a.toCitizen();
        }
        accounts.addMissingContact(a.id(), phone, email);
        audit.record(AuditEvent.of(null, "identity.account.contact-added", "account", a.id(), null, added));
        return accounts.findById(a.id()).orElseThrow().toCitizen();
    }

    /** A NIK as typed at a counter, often in groups of four: spaces are dropped. */
    static String nik(String raw) {
        return raw == null ? "" : raw.replaceAll("\\s", "");
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
