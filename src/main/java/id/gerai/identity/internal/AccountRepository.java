package id.gerai.identity.internal;

import id.gerai.identity.CitizenAccounts;
import id.gerai.identity.GeraiUser;
import id.gerai.identity.Membership;
import id.gerai.identity.Role;
import id.gerai.identity.StaffAccounts.StaffMember;
import id.gerai.platform.TenantContext;
import id.gerai.platform.TenantId;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Accounts and memberships. Accounts are installation-wide; memberships are tenant rows under RLS.
 *
 * <p>A citizen record made at a counter is unclaimed ({@code claimed_at} null): no password, and its e-mail
 * is contact data, not a login name. Every lookup that leads to a login or a password-reset mail goes
 * through {@link #findByLogin}, which sees claimed accounts only.
 */
@Repository
class AccountRepository {

    record AccountRow(UUID id, String kind, String email, String phone, String fullName, String nik,
                      String passwordHash, Set<Role> platformRoles, boolean enabled, boolean claimed) {

        boolean citizen() {
            return "CITIZEN".equals(kind);
        }

        CitizenAccounts.Citizen toCitizen() {
            return new CitizenAccounts.Citizen(id, fullName, nik, email, phone, claimed);
        }
    }

    private final JdbcClient jdbc;

    AccountRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Whether the address is the login name of an account (an unclaimed record's contact address is not). */
    boolean emailTaken(String email) {
        return jdbc.sql("select exists(select 1 from account where lower(email) = lower(:email) and claimed_at is not null)")
                .param("email", email).query(Boolean.class).single();
    }

    /** The account with this NIK, claimed or not (the NIK is unique across both). */
    Optional<AccountRow> findByNik(String nik) {
        return jdbc.sql("select * from account where nik = :nik").param("nik", nik).query(this::row).optional();
    }

    /**
     * Records a walk-in citizen without a password; false when a record with the NIK appeared meanwhile (a
     * concurrent walk-in or registration), so the caller reads that one instead of failing the transaction.
     */
    boolean insertUnclaimed(UUID id, String email, String phone, String fullName, String nik, UUID createdBy) {
        return jdbc.sql("""
                insert into account (id, kind, email, phone, full_name, nik, password_hash, claimed_at, created_by)
                values (:id, 'CITIZEN', :email, :phone, :fullName, :nik, null, null, :createdBy)
                on conflict (nik) where nik is not null do nothing
                """)
                .param("id", id).param("email", email).param("phone", phone).param("fullName", fullName)
                .param("nik", nik).param("createdBy", createdBy)
                .update() == 1;
    }

    /** Fills a missing phone or e-mail; the values already there are never overwritten. */
    void addMissingContact(UUID id, String phone, String email) {
        jdbc.sql("""
                update account set phone = coalesce(nullif(phone, ''), :phone), email = coalesce(email, :email), updated_at = now()
                where id = :id
                """)
                .param("id", id).param("phone", phone).param("email", email).update();
    }

    /**
     * Turns an unclaimed record into a citizen's account; false when it was claimed meanwhile. The name on
     * the record (typed from the KTP by an officer) is kept.
     */
    boolean claim(UUID id, String email, String phone, String passwordHash, Instant consentAt) {
        return jdbc.sql("""
                update account set email = :email, phone = coalesce(:phone, phone), password_hash = :hash, consent_at = :consentAt,
                       claimed_at = now(), updated_at = now()
                where id = :id and kind = 'CITIZEN' and claimed_at is null
                """)
                .param("id", id).param("email", email).param("phone", phone).param("hash", passwordHash)
                .param("consentAt", java.sql.Timestamp.from(consentAt))
                .update() == 1;
    }

    void insert(UUID id, String kind, String email, String phone, String fullName, String nik, String passwordHash, Instant consentAt) {
        jdbc.sql("""
                insert into account (id, kind, email, phone, full_name, nik, password_hash, consent_at)
                values (:id, :kind, :email, :phone, :fullName, :nik, :hash, :consentAt)
                """)
                .param("id", id).param("kind", kind).param("email", email).param("phone", phone)
                .param("fullName", fullName).param("nik", nik).param("hash", passwordHash)
                .param("consentAt", consentAt == null ? null : java.sql.Timestamp.from(consentAt))
                .update();
    }

    /** The claimed account with this e-mail address or NIK: unclaimed records have no login. */
    Optional<AccountRow> findByLogin(String login) {
        String column = login.matches("\\d{16}") ? "nik" : "lower(email)";
        String value = login.matches("\\d{16}") ? login : login.toLowerCase(java.util.Locale.ROOT);
        return jdbc.sql("select * from account where " + column + " = :v and claimed_at is not null")
                .param("v", value).query(this::row).optional();
    }

    Optional<AccountRow> findById(UUID id) {
        return jdbc.sql("select * from account where id = :id").param("id", id).query(this::row).optional();
    }

    /**
     * Writes a person's own correction of their name and contact data; the NIK, kind and roles are not touched. Only a
     * claimed account has a person to correct it; false when there is none.
     */
    boolean updateProfile(UUID id, String fullName, String email, String phone) {
        return jdbc.sql("""
                update account set full_name = :fullName, email = :email, phone = :phone, updated_at = now()
                where id = :id and claimed_at is not null
                """)
                .param("id", id).param("fullName", fullName).param("email", email).param("phone", phone)
                .update() == 1;
    }

    /**
     * Empties and disables a citizen's claimed account that a person closes: no login data, no NIK (so the same NIK
     * and address may register again), no name. The row stays for the ids that applications and complaints hold.
     * Its password-reset links and its OpenID Connect links go with it. False when it is no open citizen's account.
     */
    boolean close(UUID id) {
        jdbc.sql("delete from password_reset where account_id = :id").param("id", id).update();
        jdbc.sql("delete from account_oidc_link where account_id = :id").param("id", id).update();
        return jdbc.sql("""
                update account set email = null, phone = null, password_hash = null, nik = null, full_name = '',
                       enabled = false, closed_at = now(), updated_at = now()
                where id = :id and kind = 'CITIZEN' and claimed_at is not null and closed_at is null
                """)
                .param("id", id).update() == 1;
    }

    void updatePassword(UUID id, String hash) {
        jdbc.sql("update account set password_hash = :hash, updated_at = now() where id = :id")
                .param("hash", hash).param("id", id).update();
    }

    void addPlatformRole(UUID id, Role role) {
        jdbc.sql("update account set platform_roles = array_append(array_remove(platform_roles, :r), :r), updated_at = now() where id = :id")
                .param("r", role.name()).param("id", id).update();
    }

    /** Memberships in every tenant: read at login, before any tenant is in context. */
    List<Membership> membershipsOf(UUID accountId) {
        TenantContext.requireVisibleInTransaction(new TenantContext.Scope(null, true), "An account's memberships");
        return TenantContext.callAcrossTenants(() -> jdbc.sql("""
                        select tenant_id, role, agency_id, service_point_id from membership
                        where account_id = :id order by created_at, tenant_id, role
                        """)
                .param("id", accountId)
                .query((rs, n) -> new Membership(new TenantId(rs.getObject(1, UUID.class)), Role.valueOf(rs.getString(2)),
                        rs.getObject(3, UUID.class), rs.getObject(4, UUID.class)))
                .list());
    }

    void insertMembership(UUID accountId, Membership m) {
        jdbc.sql("""
                insert into membership (tenant_id, account_id, role, agency_id, service_point_id)
                values (:tenant, :account, :role, :agency, :point)
                on conflict (tenant_id, account_id, role) do update
                   set agency_id = excluded.agency_id, service_point_id = excluded.service_point_id
                """)
                .param("tenant", m.tenant().value()).param("account", accountId).param("role", m.role().name())
                .param("agency", m.agencyId()).param("point", m.servicePointId())
                .update();
    }

    List<StaffMember> staffOf(TenantId tenant) {
        return jdbc.sql("""
                        select a.id, a.email, a.full_name, m.role, m.agency_id, m.service_point_id
                        from membership m join account a on a.id = m.account_id
                        where m.tenant_id = :tenant order by a.full_name, m.role
                        """)
                .param("tenant", tenant.value())
                .query((rs, n) -> new StaffMember(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        Role.valueOf(rs.getString(4)), rs.getObject(5, UUID.class), rs.getObject(6, UUID.class)))
                .list();
    }

    GeraiUser toUser(AccountRow a) {
        return new GeraiUser(a.id(), a.email(), a.fullName(), a.citizen(), a.platformRoles(),
                membershipsOf(a.id()), a.enabled(), a.passwordHash());
    }

    private AccountRow row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        String[] roles = (String[]) rs.getArray("platform_roles").getArray();
        Set<Role> platformRoles = roles.length == 0 ? EnumSet.noneOf(Role.class)
                : Arrays.stream(roles).map(Role::valueOf).collect(Collectors.toCollection(() -> EnumSet.noneOf(Role.class)));
        return new AccountRow(rs.getObject("id", UUID.class), rs.getString("kind"), rs.getString("email"), rs.getString("phone"),
                rs.getString("full_name"), rs.getString("nik"), rs.getString("password_hash"), platformRoles, rs.getBoolean("enabled"),
                rs.getTimestamp("claimed_at") != null);
    }
}
