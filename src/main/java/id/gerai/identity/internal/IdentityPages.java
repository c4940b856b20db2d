package id.gerai.identity.internal;

import id.gerai.identity.CurrentUser;
import id.gerai.identity.GeraiUser;
import id.gerai.platform.InvalidInput;
import id.gerai.platform.Masking;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Registration, login, password reset and the account page. All work without JavaScript. */
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

    private final Registration registration;
    private final PasswordReset passwordReset;
    private final AccountRepository accounts;

    IdentityPages(Registration registration, PasswordReset passwordReset, AccountRepository accounts) {
        this.registration = registration;
        this.passwordReset = passwordReset;
        this.accounts = accounts;
    }

    @GetMapping("/login")
    String login() {
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
    String account(Model model, HttpServletRequest request) {
        GeraiUser user = CurrentUser.require();
        var row = accounts.findById(user.accountId()).orElseThrow();
        model.addAttribute("fullName", row.fullName());
        model.addAttribute("email", row.email());
        model.addAttribute("phone", row.phone());
        model.addAttribute("nikMasked", Masking.nik(row.nik()));
        model.addAttribute("citizen", user.citizen());
        model.addAttribute("memberships", user.memberships());
        return "identity/account";
    }
}
