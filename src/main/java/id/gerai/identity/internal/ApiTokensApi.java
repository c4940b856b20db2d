package id.gerai.identity.internal;

import id.gerai.identity.ApiTokens;
import id.gerai.identity.ApiTokens.IssuedToken;
import id.gerai.identity.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "API tokens", description = "Personal API tokens of the signed-in account: send one as `Authorization: Bearer gerai_…` "
        + "instead of HTTP Basic. The secret is shown once, when the token is created; only its SHA-256 is stored.")
@RestController
class ApiTokensApi {

    record NewToken(@Schema(description = "what the token is for, 1 to 100 characters", example = "integrasi SIAK") String name,
                    @Schema(description = "days until it expires, 1 to 365; 90 when left out", example = "90") Integer expiresInDays,
                    @Schema(description = "READ: accepted for GET and HEAD only (anything else is answered 403 api-token-read-only); "
                            + "FULL: everything the account may do. FULL when left out.", allowableValues = {"READ", "FULL"},
                            example = "READ") String access) {
    }

    record CreatedToken(UUID id, String name,
                        @Schema(description = "the secret: shown here only, never again") String token,
                        @Schema(description = "the first characters after gerai_, shown in lists") String prefix,
                        Instant expiresAt, ApiTokens.Access access) {
    }

    record TokenView(UUID id, String name, String prefix, Instant createdAt, Instant expiresAt, Instant lastUsedAt, boolean expired,
                     ApiTokens.Access access) {
    }

    private final ApiTokenService tokens;

    ApiTokensApi(ApiTokenService tokens) {
        this.tokens = tokens;
    }

    @Operation(summary = "Create a personal API token; the answer holds its secret, which cannot be read again",
            description = "Give an integration that only reads (a dashboard, a report) a READ token: it cannot change anything, "
                    + "even if it leaks.")
    @PostMapping("/api/account/tokens")
    ResponseEntity<CreatedToken> create(@RequestBody NewToken request) {
        UUID account = CurrentUser.require().accountId();
        Duration validity = request.expiresInDays() == null ? null : Duration.ofDays(request.expiresInDays());
        IssuedToken issued = tokens.issue(account, request.name(), validity, request.access());
        return ResponseEntity.status(HttpStatus.CREATED).body(new CreatedToken(issued.id(), ApiTokenService.cleanName(request.name()),
                issued.token(), issued.prefix(), issued.expiresAt(), issued.access()));
    }

    @Operation(summary = "The signed-in account's tokens that are not revoked (expired ones included), newest first; never their secrets")
    @GetMapping("/api/account/tokens")
    List<TokenView> list() {
        Instant now = Instant.now();
        return tokens.list(CurrentUser.require().accountId()).stream()
                .map(t -> new TokenView(t.id(), t.name(), t.prefix(), t.createdAt(), t.expiresAt(), t.lastUsedAt(), t.expired(now),
                        t.access()))
                .toList();
    }

    @Operation(summary = "Revoke one of the signed-in account's tokens; it stops working at once (on other servers within 30 seconds)")
    @DeleteMapping("/api/account/tokens/{id}")
    ResponseEntity<Void> revoke(@PathVariable UUID id) {
        tokens.revoke(CurrentUser.require().accountId(), id);
        return ResponseEntity.noContent().build();
    }
}
