package id.gerai.identity;

import id.gerai.platform.TenantContext;
import id.gerai.support.Fixtures;
import id.gerai.support.GeraiIntegrationTest;
import id.gerai.tenancy.Tenant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Row-level security keeps the scope a transaction's connection was taken with. A staff lookup for another tenant
 * inside such a transaction would silently find nobody (no e-mail to the host's managers, no signing official), so it
 * fails loudly instead; in a transaction that can see the tenant, or outside any, it reads the staff.
 */
@GeraiIntegrationTest
class StaffLookupScopeIT {

    @Autowired StaffAccounts staff;
    @Autowired Fixtures fixtures;
    @Autowired TransactionTemplate tx;

    @Test
    void aLookupThatTheTransactionCannotSeeFailsLoudlyInsteadOfFindingNobody() {
        Tenant mine = fixtures.newTenant();
        Tenant other = fixtures.newTenant();
        String manager = fixtures.staffWithRole(other, Role.PENGELOLA_MPP);

        assertThat(staff.staffOf(other.id())).extracting(StaffAccounts.StaffMember::email).contains(manager);
        List<StaffAccounts.StaffMember> sameTenant = TenantContext.call(other.id(), () -> tx.execute(s -> staff.staffOf(other.id())));
        assertThat(sameTenant).extracting(StaffAccounts.StaffMember::email).contains(manager);
        List<StaffAccounts.StaffMember> across = TenantContext.callAcrossTenants(() -> tx.execute(s -> staff.staffOf(other.id())));
        assertThat(across).extracting(StaffAccounts.StaffMember::email).contains(manager);

        assertThatThrownBy(() -> TenantContext.call(mine.id(), () -> tx.execute(s -> staff.staffOf(other.id()))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("StaffAccounts.staffOf").hasMessageContaining(other.id().toString());
        assertThatThrownBy(() -> tx.execute(s -> staff.staffOf(other.id())))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("outside any tenant");
    }
}
