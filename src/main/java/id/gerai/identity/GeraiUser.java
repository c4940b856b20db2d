package id.gerai.identity;

import id.gerai.audit.AuditActor;
import id.gerai.platform.TenantId;
import id.gerai.platform.web.DisplayNamed;
import java.io.Serial;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The signed-in person: a citizen or a staff member with the tenant roles of their memberships.
 * Kept in the (database-backed) session, so it must stay serializable and small.
 */
public final class GeraiUser implements UserDetails, CredentialsContainer, DisplayNamed, AuditActor, Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    private final UUID accountId;
    private final String email;
    private final String fullName;
    private final boolean citizen;
    private final Set<Role> platformRoles;
    private final List<Membership> memberships;
    private final boolean enabled;
    private String passwordHash;

    public GeraiUser(UUID accountId, String email, String fullName, boolean citizen, Set<Role> platformRoles,
                     List<Membership> memberships, boolean enabled, String passwordHash) {
        this.accountId = accountId;
        this.email = email;
        this.fullName = fullName;
        this.citizen = citizen;
        this.platformRoles = Set.copyOf(platformRoles);
        this.memberships = List.copyOf(memberships);
        this.enabled = enabled;
        this.passwordHash = passwordHash;
    }

    /**
     * The same person, roles and all, with the name and e-mail address they have just corrected: put into their
     * session, so the page header and the login name show the new values at once without asking for the roles again.
     */
    public GeraiUser withProfile(String newEmail, String newFullName) {
        return new GeraiUser(accountId, newEmail, newFullName, citizen, platformRoles, memberships, enabled, passwordHash);
    }

    public UUID accountId() {
        return accountId;
    }

    public String email() {
        return email;
    }

    public boolean citizen() {
        return citizen;
    }

    public List<Membership> memberships() {
        return memberships;
    }

    public boolean hasPlatformRole(Role role) {
        return platformRoles.contains(role);
    }

    /** Whether the person holds one of {@code roles} in {@code tenant}; the platform admin holds all. */
    public boolean hasTenantRole(TenantId tenant, Role... roles) {
        if (platformRoles.contains(Role.ADMIN_PLATFORM)) {
            return true;
        }
        for (Membership m : memberships) {
            if (m.tenant().equals(tenant)) {
                for (Role r : roles) {
                    if (m.role() == r) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** The tenants where this person holds any role, in the order the memberships were granted. */
    public Set<TenantId> tenants() {
        Set<TenantId> tenants = new LinkedHashSet<>();
        memberships.forEach(m -> tenants.add(m.tenant()));
        return tenants;
    }

    @Override
    public String auditActorId() {
        return accountId.toString();
    }

    @Override
    public String displayName() {
        return fullName;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        List<GrantedAuthority> authorities = new ArrayList<>();
        if (citizen) {
            authorities.add(new SimpleGrantedAuthority(Role.WARGA.authority()));
        } else {
            authorities.add(new SimpleGrantedAuthority("ROLE_STAFF"));
        }
        platformRoles.forEach(r -> authorities.add(new SimpleGrantedAuthority(r.authority())));
        memberships.stream().map(m -> m.role().authority()).distinct().forEach(a -> authorities.add(new SimpleGrantedAuthority(a)));
        return authorities;
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return email;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }
}
