package id.gerai.identity.internal;

import id.gerai.identity.ApiTokens.IssuedToken;
import id.gerai.identity.CurrentUser;
import id.gerai.identity.GeraiUser;
import id.gerai.platform.InvalidInput;
import id.gerai.platform.Masking;
import java.time.Duration;
import java.time.Instant;
import id.gerai.identity.Role;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Stream;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Registration, login, password reset and the account page with its API tokens. All work without JavaScript. */
@Controller
class IdentityPages {

    /** The registration form as posted; never bound to an entity. */
    record RegistrationForm(String fullName, String nik, String email, String phone, String password,
                            String passwordConfirm, Boolean consent) {
        static RegistrationForm empty() {
            return new RegistrationForm("", "", "", "", "", "", false);
        }

        Registration.RegisterCitizen toCommand() {
            return new Registration.RegisterCitizen(fullName, nik, email, phone, password, passwordConfirm, Boolean.TRUE.equals(consent));
        }

        RegistrationForm withoutPasswords() {
            return new RegistrationForm(fullName, nik, email, phone, "", "", consent);
        }
    }

    record ResetForm(String token, String password, String passwordConfirm) {
    }

    /** The new-token form on the account page, as posted. */
    record TokenForm(String name, String expiresInDays, String access) {
    }

    /** The validities offered on the page, in days, besides the default (the API takes any number up to the maximum). */
    private static final List<Integer> TOKEN_DAYS = List.of(7, 30, 90, 180, 365);

    private final Registration registration;
    private final PasswordReset passwordReset;
    private final AccountRepository accounts;
    private final ApiTokenService tokens;
    private final OidcProviders oidcProviders;
    private final OidcAccounts oidcAccounts;

    IdentityPages(Registration registration, PasswordReset passwordReset, AccountRepository accounts, ApiTokenService tokens,
                  OidcProviders oidcProviders, OidcAccounts oidcAccounts) {
        this.registration = registration;
        this.passwordReset = passwordReset;
        this.accounts = accounts;
        this.tokens = tokens;
        this.oidcProviders = oidcProviders;
        this.oidcAccounts = oidcAccounts;
    }

    @GetMapping("/login")
    String login(Model model) {
        model.addAttribute("oidcProviders", oidcProviders.buttons());
        return "identity/login";
    }

    @GetMapping("/register")
    String registerForm(Model model) {
        model.addAttribute("form", RegistrationForm.empty());
        return "identity/register";
    }

    @PostMapping("/register")
    String register(@ModelAttribute("form") RegistrationForm form, Model model, RedirectAttributes redirect) {
        try {
            registration.register(form.toCommand());
        } catch (InvalidInput e) {
            model.addAttribute("form", form.withoutPasswords());
            model.addAttribute("errors", e.fields());
            return "identity/register";
        }
        redirect.addAttribute("registered", "");
        return "redirect:/login";
    }

    @GetMapping("/forgot-password")
    String forgotForm() {
        return "identity/forgot";
    }

    @PostMapping("/forgot-password")
    String forgot(@RequestParam(defaultValue = "") String email, Locale locale, Model model) {
        try {
            passwordReset.request(email, locale);
        } catch (InvalidInput e) {
            model.addAttribute("errors", e.fields());
            model.addAttribute("email", email);
            return "identity/forgot";
        }
        model.addAttribute("sent", true);
        return "identity/forgot";
    }

    @GetMapping("/reset-password")
    String resetForm(@RequestParam(defaultValue = "") String token, Model model) {
        model.addAttribute("token", token);
        model.addAttribute("tokenValid", passwordReset.tokenUsable(token));
        return "identity/reset";
    }

    @PostMapping("/reset-password")
    String reset(@ModelAttribute ResetForm form, Model model, RedirectAttributes redirect) {
        try {
            passwordReset.reset(form.token(), form.password(), form.passwordConfirm());
        } catch (InvalidInput e) {
            model.addAttribute("token", form.token());
            model.addAttribute("tokenValid", !e.fields().containsKey("token"));
            model.addAttribute("errors", e.fields());
            return "identity/reset";
        }
        redirect.addAttribute("reset", "");
        return "redirect:/login";
    }

    @GetMapping("/account")
    String account(Model model) {
        accountPage(model, CurrentUser.require(), emptyTokenForm());
        return "identity/account";
    }

    /**
     * Creates a token and shows its secret in this very answer: not through a redirect, whose flash attribute
     * would carry the secret through the (database-backed) session. The answer is not cached (Spring Security
     * sends {@code Cache-Control: no-store}); reloading it asks to send the form again.
     */
    @PostMapping("/account/tokens")
    String createToken(@ModelAttribute TokenForm form, Model model) {
        GeraiUser user = CurrentUser.require();
        try {
            IssuedToken issued = tokens.issue(user.accountId(), form.name(), validity(form.expiresInDays()),
                    form.access());
            model.addAttribute("newToken", issued);
            model.addAttribute("newTokenName", ApiTokenService.cleanName(form.name()));
            accountPage(model, user, emptyTokenForm());
        } catch (InvalidInput e) {
            model.addAttribute("tokenErrors", e.fields());
            accountPage(model, user, form);
        }
        return "identity/account";
    }

    @PostMapping("/account/tokens/{id}/revoke")
    String revokeToken(@PathVariable UUID id, RedirectAttributes redirect) {
        tokens.revoke(CurrentUser.require().accountId(), id);
        redirect.addFlashAttribute("tokenRevoked", true);
        return "redirect:/account#api-tokens";
    }

    private void accountPage(Model model, GeraiUser user, TokenForm tokenForm) {
        var row = accounts.findById(user.accountId()).orElseThrow();
        model.addAttribute("fullName", row.fullName());
        model.addAttribute("email", row.email());
        model.addAttribute("phone", row.phone());
        model.addAttribute("nikMasked", Masking.nik(row.nik()));
        model.addAttribute("citizen", user.citizen());
        model.addAttribute("memberships", user.memberships());
        List<Role> platformRoles = java.util.Arrays.stream(Role.values()).filter(user::hasPlatformRole).toList();
        model.addAttribute("platformRoles", platformRoles);
        model.addAttribute("monitor", user.hasPlatformRole(Role.PEMANTAU) || user.hasPlatformRole(Role.ADMIN_PLATFORM));
        model.addAttribute("tokens", tokens.list(user.accountId()));
        model.addAttribute("oidcLinks", oidcAccounts.linksOf(user.accountId()));
        model.addAttribute("oidcConfigured", !oidcProviders.buttons().isEmpty());
        model.addAttribute("now", Instant.now());
        model.addAttribute("tokenForm", tokenForm);
        long maxDays = tokens.maxValidity().toDays();
        int defaultDays = (int) tokens.defaultValidity().toDays();
        model.addAttribute("tokenDays", Stream.concat(TOKEN_DAYS.stream(), Stream.of(defaultDays))
                .filter(d -> d <= maxDays).distinct().sorted().toList());
    }

    private TokenForm emptyTokenForm() {
        // the form suggests the least a token needs: reading
        return new TokenForm("", String.valueOf(tokens.defaultValidity().toDays()), "READ");
    }

    /** The chosen number of days; a value that is not a whole number fails validation like one out of range. */
    private static Duration validity(String days) {
        if (days == null || days.isBlank()) {
            return null;
        }
        try {
            return Duration.ofDays(Integer.parseInt(days.strip()));
        } catch (NumberFormatException e) {
            return Duration.ZERO;
        }
    }
}
