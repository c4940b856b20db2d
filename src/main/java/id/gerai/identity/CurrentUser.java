package id.gerai.identity;

import id.gerai.platform.GeraiException;
import id.gerai.platform.TenantId;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** The person behind the current request, and the checks every tenant page and endpoint makes. */
public final class CurrentUser {

    private CurrentUser() {
    }

    public static Optional<GeraiUser> get() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.getPrincipal() instanceof GeraiUser u ? Optional.of(u) : Optional.empty();
    }

    public static GeraiUser require() {
        return get().orElseThrow(() -> GeraiException.forbidden("forbidden"));
    }

    /** Refuses (403) unless the person holds one of {@code roles} in {@code tenant}. */
    public static GeraiUser requireTenantRole(TenantId tenant, Role... roles) {
        GeraiUser user = require();
        if (!user.hasTenantRole(tenant, roles)) {
            throw GeraiException.forbidden("forbidden");
        }
        return user;
    }

    /** The name recorded in the audit log for the current actor. */
    public static String actorName() {
        return get().map(u -> u.accountId().toString()).orElse("system");
    }
}
