package id.gerai.identity.internal;

import id.gerai.identity.ApiTokens;
import id.gerai.identity.GeraiUser;
import java.io.Serial;
import java.util.UUID;
import org.springframework.security.authentication.AbstractAuthenticationToken;

/** A request authenticated by a personal API token: the principal is the token's owner, as after a password login. */
final class ApiTokenAuthentication extends AbstractAuthenticationToken {

    @Serial
    private static final long serialVersionUID = 1L;

    private final GeraiUser user;
    private final UUID tokenId;
    private final ApiTokens.Access access;

    ApiTokenAuthentication(GeraiUser user, UUID tokenId, ApiTokens.Access access) {
        super(user.getAuthorities());
        this.user = user;
        this.tokenId = tokenId;
        this.access = access;
        setAuthenticated(true);
    }

    /** The token used (not its secret, which is never kept). */
    UUID tokenId() {
        return tokenId;
    }

    /** What the token may do. */
    ApiTokens.Access access() {
        return access;
    }

    @Override
    public Object getCredentials() {
        return null;
    }

    @Override
    public GeraiUser getPrincipal() {
        return user;
    }
}
