package id.gerai.identity.internal;

import id.gerai.identity.CurrentUser;
import id.gerai.identity.GeraiUser;
import id.gerai.platform.GeraiException;
import id.gerai.platform.InvalidInput;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * After a provider let someone in whom Gerai does not know yet ({@link OidcSignInHandler#PENDING}): confirm the password of
 * an existing account to link it, or (citizens) complete a registration. And unlinking, from the account page. All plain
 * forms: no JavaScript needed.
 */
@Controller
class OidcPages {

    /** The registration form after a provider sign-in: no password, the name and e-mail filled in from the provider. */
    record CompleteForm(String fullName, String nik, String email, String phone, Boolean consent) {
        Registration.RegisterCitizen toCommand() {
            return new Registration.RegisterCitizen(fullName, nik, email, phone, null, null, Boolean.TRUE.equals(consent));
        }
    }

    private final OidcAccounts accounts;
    private final OidcProviders providers;
    private final OidcSignInHandler signIn;

    OidcPages(OidcAccounts accounts, OidcProviders providers, OidcSignInHandler signIn) {
        this.accounts = accounts;
        this.providers = providers;
        this.signIn = signIn;
    }

    @GetMapping("/login/oidc")
    String pending(HttpSession session, Model model) {
        OidcAccounts.PendingIdentity pending = pending(session);
        if (pending == null) {
            return "redirect:/login?oidcExpired";
        }
        page(model, pending, "", new CompleteForm(pending.fullName(), "", pending.email(), "", false));
        return "identity/oidc";
    }

    @PostMapping("/login/oidc/link")
    String link(@RequestParam(defaultValue = "") String login, @RequestParam(defaultValue = "") String currentPassword,
                HttpSession session, HttpServletRequest request, HttpServletResponse response, Model model) {
        OidcAccounts.PendingIdentity pending = pending(session);
        if (pending == null) {
            return "redirect:/login?oidcExpired";
        }
        GeraiUser user;
        try {
            user = accounts.linkWithPassword(pending, login, currentPassword);
        } catch (InvalidInput e) {
            model.addAttribute("linkErrors", e.fields());
            page(model, pending, login, new CompleteForm(pending.fullName(), "", pending.email(), "", false));
            return "identity/oidc";
        }
        return signedIn(user, session, request, response);
    }

    @PostMapping("/login/oidc/register")
    String register(@ModelAttribute("form") CompleteForm form, HttpSession session, HttpServletRequest request,
                    HttpServletResponse response, Model model) {
        OidcAccounts.PendingIdentity pending = pending(session);
        if (pending == null) {
            return "redirect:/login?oidcExpired";
        }
        GeraiUser user;
        try {
            user = accounts.register(pending, form.toCommand());
        } catch (InvalidInput e) {
            model.addAttribute("errors", e.fields());
            page(model, pending, "", form);
            return "identity/oidc";
        }
        return signedIn(user, session, request, response);
    }

    @PostMapping("/account/oidc/unlink")
    String unlink(@RequestParam(defaultValue = "") String issuer, RedirectAttributes redirect) {
        try {
            accounts.unlink(CurrentUser.require().accountId(), issuer);
            redirect.addFlashAttribute("oidcUnlinked", true);
        } catch (InvalidInput e) {
            redirect.addFlashAttribute("oidcUnlinkError", e.fields().get("issuer"));
        } catch (GeraiException e) {
            if (e.status().value() != 404) {
                throw e;
            }
            // already unlinked (another tab) or a hand-edited issuer: said on the page the form came from
            redirect.addFlashAttribute("oidcUnlinkError", "oidc.unlink.not-linked");
        }
        return "redirect:/account#oidc-links";
    }

    private String signedIn(GeraiUser user, HttpSession session, HttpServletRequest request, HttpServletResponse response) {
        session.removeAttribute(OidcSignInHandler.PENDING);
        signIn.signIn(user, request, response);
        return "redirect:/account";
    }

    private void page(Model model, OidcAccounts.PendingIdentity pending, String login, CompleteForm form) {
        OidcProperties.Provider provider = providers.require(pending.providerId());
        model.addAttribute("providerName", provider.name().strip());
        model.addAttribute("matched", pending.matchedCitizen() != null);
        model.addAttribute("pendingEmail", pending.email());
        model.addAttribute("citizensWelcome", provider.audience().admits(true));
        model.addAttribute("login", login);
        model.addAttribute("form", form);
    }

    private static OidcAccounts.PendingIdentity pending(HttpSession session) {
        Object value = session.getAttribute(OidcSignInHandler.PENDING);
        if (value instanceof OidcAccounts.PendingIdentity p && !p.expired()) {
            return p;
        }
        session.removeAttribute(OidcSignInHandler.PENDING);
        return null;
    }
}
