package id.gerai.identity;

import id.gerai.platform.TenantId;
import java.util.List;
import java.util.UUID;

/** Creating staff accounts and granting them tenant roles; used by the tenancy pages and the demo data. */
public interface StaffAccounts {

    /** A new staff account; {@code password} is hashed here and never stored as given. */
    record NewStaff(String email, String fullName, String phone, String password) {
    }

    /** A staff member of a tenant as the MPP manager sees them (no password, no NIK). */
    record StaffMember(UUID accountId, String email, String fullName, Role role, UUID agencyId, UUID servicePointId) {
    }

    UUID createStaff(NewStaff staff);

    void grant(UUID accountId, Membership membership);

    void grantPlatformRole(UUID accountId, Role role);

    /**
     * The staff of {@code tenant}. Hazard: row-level security keeps the scope a transaction's connection was taken with,
     * so inside a transaction begun for another tenant this would find nobody; it throws {@link IllegalStateException}
     * then. Read the staff before the transaction, or begin it across tenants.
     */
    List<StaffMember> staffOf(TenantId tenant);

    java.util.Optional<UUID> findAccountByEmail(String email);
}
