package id.gerai.identity.internal;

import id.gerai.identity.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Identity providers", description = "The OpenID Connect identities the signed-in account signs in with. Links are made "
        + "by signing in with a provider on the login page (a browser flow), not through this API.")
@RestController
class OidcLinksApi {

    record LinkView(String issuer, String provider, Instant linkedAt, Instant lastUsedAt) {
    }

    private final OidcAccounts accounts;

    OidcLinksApi(OidcAccounts accounts) {
        this.accounts = accounts;
    }

    @Operation(summary = "The signed-in account's linked identity providers, oldest first")
    @GetMapping("/api/me/oidc-links")
    List<LinkView> list() {
        return accounts.linksOf(CurrentUser.require().accountId()).stream()
                .map(l -> new LinkView(l.issuer(), l.providerName(), l.linkedAt(), l.lastUsedAt())).toList();
    }

    @Operation(summary = "Unlink the signed-in account from the provider with this issuer",
            description = "Audited as `identity.oidc.unlinked`. 404 `not-found` when the account has no link to that issuer; "
                    + "422 `validation` naming `issuer` when it is the account's only way to sign in (no Gerai password and "
                    + "no other link).")
    @DeleteMapping("/api/me/oidc-links")
    ResponseEntity<Void> unlink(@Parameter(description = "the issuer, as listed") @RequestParam String issuer) {
        accounts.unlink(CurrentUser.require().accountId(), issuer);
        return ResponseEntity.noContent().build();
    }
}
