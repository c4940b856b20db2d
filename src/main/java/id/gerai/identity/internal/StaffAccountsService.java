package id.gerai.identity.internal;

import id.gerai.audit.AuditEvent;
import id.gerai.audit.AuditLog;
import id.gerai.identity.Membership;
import id.gerai.identity.Role;
import id.gerai.identity.StaffAccounts;
import id.gerai.platform.InvalidInput;
import id.gerai.platform.TenantContext;
import id.gerai.platform.TenantId;
import org.springframework.transaction.support.TransactionTemplate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class StaffAccountsService implements StaffAccounts {

    private final AccountRepository accounts;
    private final PasswordEncoder passwords;
    private final AuditLog audit;

    private final TransactionTemplate tx;

    StaffAccountsService(AccountRepository accounts, PasswordEncoder passwords, AuditLog audit, TransactionTemplate tx) {
        this.tx = tx;
        this.accounts = accounts;
        this.passwords = passwords;
        this.audit = audit;
    }

    @Override
    @Transactional
    public UUID createStaff(NewStaff staff) {
        var errors = new InvalidInput.Collector();
        String email = staff.email() == null ? "" : staff.email().strip().toLowerCase(java.util.Locale.ROOT);
        if (!Registration.EMAIL.matcher(email).matches()) {
            errors.add("email", "validation.email");
        } else if (accounts.emailTaken(email)) {
            errors.add("email", "registration.email-taken");
        }
        if (staff.fullName() == null || staff.fullName().isBlank()) {
            errors.add("fullName", "validation.required");
        }
        if (staff.password() == null || staff.password().length() < Registration.PASSWORD_MIN) {
            errors.add("password", "validation.password-length");
        }
        errors.throwIfAny();
        UUID id = UUID.randomUUID();
        accounts.insert(id, "STAFF", email, staff.phone(), staff.fullName().strip(), null, passwords.encode(staff.password()), null);
        audit.record(AuditEvent.of(null, "identity.account.created", "account", id, null,
                Map.of("kind", "STAFF", "email", email, "fullName", staff.fullName().strip())));
        return id;
    }

    @Override
    public void grant(UUID accountId, Membership m) {
        // membership is a tenant table: enter the tenant's scope before the transaction takes its connection
        TenantContext.run(m.tenant(), () -> tx.executeWithoutResult(s -> grantInScope(accountId, m)));
    }

    private void grantInScope(UUID accountId, Membership m) {
        if (!m.role().perTenant()) {
            throw InvalidInput.of("role", "staff.role-not-tenant");
        }
        accounts.findById(accountId).filter(a -> "STAFF".equals(a.kind()))
                .orElseThrow(() -> InvalidInput.of("accountId", "staff.not-staff"));
        accounts.insertMembership(accountId, m);
        Map<String, Object> after = new HashMap<>();
        after.put("role", m.role().name());
        after.put("agencyId", m.agencyId());
        after.put("servicePointId", m.servicePointId());
        after.put("account", accountId.toString());
        audit.record(AuditEvent.of(m.tenant(), "identity.membership.granted", "membership", accountId, null, after));
    }

    @Override
    @Transactional
    public void grantPlatformRole(UUID accountId, Role role) {
        if (role.perTenant() || role == Role.WARGA) {
            throw InvalidInput.of("role", "staff.role-not-platform");
        }
        accounts.addPlatformRole(accountId, role);
        audit.record(AuditEvent.of(null, "identity.platform-role.granted", "account", accountId, null, Map.of("role", role.name())));
    }

    @Override
    public List<StaffMember> staffOf(TenantId tenant) {
        TenantContext.requireVisibleInTransaction(new TenantContext.Scope(tenant, false), "StaffAccounts.staffOf");
        return TenantContext.call(tenant, () -> accounts.staffOf(tenant));
    }

    @Override
    public Optional<UUID> findAccountByEmail(String email) {
        return accounts.findByLogin(email).map(AccountRepository.AccountRow::id);
    }
}
