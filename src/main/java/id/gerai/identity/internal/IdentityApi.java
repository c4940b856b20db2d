package id.gerai.identity.internal;

import id.gerai.identity.CurrentUser;
import id.gerai.identity.GeraiUser;
import id.gerai.identity.Role;
import id.gerai.platform.Masking;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Accounts", description = "Citizen registration, password reset, the signed-in account")
@RestController
class IdentityApi {

    record RegisterRequest(String fullName, String nik, String email, String phone, String password, Boolean consent) {
    }

    record AccountView(UUID id, String fullName, String email, String nikMasked, String kind, List<String> roles) {
    }

    record ResetRequest(String email) {
    }

    record ResetConfirm(String token, String password) {
    }

    private final Registration registration;
    private final PasswordReset passwordReset;
    private final AccountRepository accounts;

    IdentityApi(Registration registration, PasswordReset passwordReset, AccountRepository accounts) {
        this.registration = registration;
        this.passwordReset = passwordReset;
        this.accounts = accounts;
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
        return view(row, user.getAuthorities().stream().map(a -> a.getAuthority().replaceFirst("^ROLE_", "")).toList());
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

    private static AccountView view(AccountRepository.AccountRow row, List<String> roles) {
        return new AccountView(row.id(), row.fullName(), row.email(), Masking.nik(row.nik()), row.kind(), roles);
    }
}
