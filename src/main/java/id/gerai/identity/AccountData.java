package id.gerai.identity;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * What the identity module holds about one account, in full, for the account holder's own access and copy
 * (UU 27/2022). No permission check: callers pass the signed-in person's own account id and nobody else's.
 */
public interface AccountData {

    /**
     * The account as stored, without its password hash.
     *
     * @param nik       the full NIK (citizens; {@code null} for staff): callers mask it wherever it is shown
     * @param consentAt when the citizen agreed to the privacy notice at registration
     * @param claimedAt when the account could first log in; {@code null} for a record made at a counter
     */
    record Profile(UUID accountId, String kind, String fullName, String nik, String email, String phone, boolean enabled,
                   List<String> platformRoles, Instant consentAt, Instant claimedAt, Instant createdAt, Instant updatedAt) {
    }

    /** A personal API token: its name and dates, never its secret (only a hash of which is stored) nor that hash. */
    record Token(UUID id, String name, String prefix, ApiTokens.Access access, Instant createdAt, Instant expiresAt,
                 Instant lastUsedAt, Instant revokedAt) {
    }

    /**
     * An identity at an OpenID Connect provider the account signs in with: the provider's issuer and its identifier of
     * the person (the subject), as stored.
     */
    record OidcLink(String issuer, String subject, Instant linkedAt, Instant lastUsedAt) {
    }

    Optional<Profile> profile(UUID accountId);

    /** Every token of the account, revoked ones included (they are kept so lists and audit keep their names), newest first. */
    List<Token> tokens(UUID accountId);

    /** The account's OpenID Connect links, oldest first. */
    List<OidcLink> oidcLinks(UUID accountId);
}
