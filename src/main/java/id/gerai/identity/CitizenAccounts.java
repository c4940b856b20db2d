package id.gerai.identity;

import java.util.Optional;
import java.util.UUID;

/**
 * Citizen accounts for other modules: the demo data, and the counter or village-office officer filing for a
 * walk-in citizen, who finds or creates the citizen's record by NIK.
 *
 * <p>A record made at a counter is <em>unclaimed</em>: it has no password and cannot log in (by NIK or
 * otherwise) nor receive a password-reset mail. When the citizen later registers with its NIK and name, the
 * registration claims that record and keeps its id, so what was filed for them is theirs.
 */
public interface CitizenAccounts {

    /** A citizen as other modules see them. {@code claimed} is false for a record made at a counter that nobody has signed up for yet (it cannot log in). */
    record Citizen(UUID accountId, String fullName, String nik, String email, String phone, boolean claimed) implements java.io.Serializable {}

    /**
     * Registers a citizen exactly as the registration page does (validated, audited); consent is recorded.
     * With the NIK of an unclaimed record whose name matches, the record is claimed and its id returned.
     */
    UUID register(String fullName, String nik, String email, String phone, String password);

    /** The citizen with this account id; empty for staff accounts and unknown ids. */
    Optional<Citizen> byId(UUID accountId);

    /** The citizen with this NIK (16 digits, spaces ignored), if any. */
    Optional<Citizen> byNik(String nik);

    /**
     * The citizen with this NIK, or a new unclaimed record for a walk-in citizen (no password; cannot log in), validated
     * like registration (NIK checks via NikValidator, name required, phone/e-mail optional but well-formed), audited with the
     * acting officer. An existing record is returned as it is (its data is not overwritten), except that a missing phone or
     * e-mail is filled in. Throws id.gerai.platform.InvalidInput with field keys `nik`, `fullName`, `phone`, `email`.
     *
     * <p>The acting officer is the signed-in person; identity does not know which tenant's counter they sit
     * at, so the caller checks their role there (e.g. {@code CurrentUser.requireTenantRole(tenant, PETUGAS_LOKET)}).
     */
    Citizen walkIn(String nik, String fullName, String phone, String email);
}
