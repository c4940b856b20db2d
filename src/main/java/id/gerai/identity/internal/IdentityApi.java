package id.gerai.identity.internal;

import id.gerai.identity.CurrentUser;
import id.gerai.identity.GeraiUser;
import id.gerai.identity.Role;
import id.gerai.platform.InvalidInput;
import id.gerai.platform.Masking;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Accounts", description = "Citizen registration, password reset, the signed-in account and its correction")
@RestController
class IdentityApi {

    record RegisterRequest(String fullName, String nik, String email, String phone, String password, Boolean consent) {
    }

    record AccountView(UUID id, String fullName, String email, String phone, String nikMasked, String kind, List<String> roles) {
    }

    /**
     * A JSON merge patch of the signed-in account: fields left out (or null) stay as they are. {@code currentPassword}
     * is needed when {@code email} changes. {@code nik} is here only to be refused: the NIK is corrected at a counter.
     */
    record ProfilePatch(String fullName, String email, String phone, String currentPassword, String nik) {
    }

    record ResetRequest(String email) {
    }

    record ResetConfirm(String token, String password) {
    }

    private final Registration registration;
    private final PasswordReset passwordReset;
    private final AccountRepository accounts;
    private final ProfileCorrection profiles;

    IdentityApi(Registration registration, PasswordReset passwordReset, AccountRepository accounts, ProfileCorrection profiles) {
        this.registration = registration;
        this.passwordReset = passwordReset;
        this.accounts = accounts;
        this.profiles = profiles;
    }

    @Operation(summary = "Register a citizen account (NIK, e-mail, phone, password; consent to the privacy notice required)")
    @PostMapping("/api/accounts")
    ResponseEntity<AccountView> register(@RequestBody RegisterRequest r) {
        UUID id = registration.register(new Registration.RegisterCitizen(r.fullName(), r.nik(), r.email(), r.phone(),
                r.password(), r.password(), Boolean.TRUE.equals(r.consent())));
        var row = accounts.findById(id).orElseThrow();
        return ResponseEntity.created(URI.create("/api/me")).body(view(row, List.of(Role.WARGA.name())));
    }

    @Operation(summary = "The signed-in account")
    @GetMapping("/api/me")
    AccountView me() {
        GeraiUser user = CurrentUser.require();
        var row = accounts.findById(user.accountId()).orElseThrow();
        return view(row, roles(user));
    }

    @Operation(summary = "Correct the signed-in account's name, e-mail address or phone number (UU 27/2022)",
            description = """
                    A JSON merge patch (`application/merge-patch+json` or `application/json`): `fullName`, `email`, `phone`; \
                    fields left out or null stay as they are. Changing `email`, the login name, needs `currentPassword`; \
                    a wrong one counts as a failed login (five lock the login for 15 minutes). The NIK cannot be changed \
                    online: a body with `nik` is refused. Answers the updated account. Errors: 401 `unauthorized`; \
                    422 `validation` with `errors` by field; 409 `email-taken` (with `errors.email`) when another account \
                    logs in with that address. Each change is audited as `identity.profile.corrected`, values masked.""")
    @PatchMapping(path = "/api/me", consumes = {MediaType.APPLICATION_JSON_VALUE, "application/merge-patch+json"})
    AccountView correct(@RequestBody ProfilePatch patch, Locale locale) {
        GeraiUser user = CurrentUser.require();
        if (patch.nik() != null) {
            throw InvalidInput.of("nik", "account.profile.nik-counter");
        }
        var corrected = profiles.correct(user.accountId(), new ProfileCorrection.CorrectProfile(patch.fullName(),
                patch.email(), patch.phone(), patch.currentPassword()), locale);
        return view(corrected.account(), roles(user));
    }

    @Operation(summary = "Ask for a password-reset link by e-mail (answers 202 whether or not the address has an account)")
    @PostMapping("/api/password-reset")
    ResponseEntity<Void> requestReset(@RequestBody ResetRequest r, Locale locale) {
        passwordReset.request(r.email(), locale);
        return ResponseEntity.accepted().build();
    }

    @Operation(summary = "Set a new password with the token from the e-mail link")
    @PostMapping("/api/password-reset/confirm")
    ResponseEntity<Void> confirmReset(@RequestBody ResetConfirm r) {
        passwordReset.reset(r.token(), r.password(), r.password());
        return ResponseEntity.noContent().build();
    }

    private static List<String> roles(GeraiUser user) {
        return user.getAuthorities().stream().map(a -> a.getAuthority().replaceFirst("^ROLE_", "")).toList();
    }

    private static AccountView view(AccountRepository.AccountRow row, List<String> roles) {
        return new AccountView(row.id(), row.fullName(), row.email(), row.phone(), Masking.nik(row.nik()), row.kind(), roles);
    }
}
