package id.gerai.identity.internal;

import id.gerai.identity.CurrentUser;
import id.gerai.identity.GeraiUser;
import id.gerai.platform.InvalidInput;
import id.gerai.platform.Masking;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * "Ubah data akun": the signed-in person corrects their name, e-mail address and phone ({@link ProfileCorrection}).
 * A plain form posted and answered with a redirect, so it works without JavaScript; the account is always the
 * session's, there is no id in the path to point at someone else's.
 */
@Controller
class ProfilePages {

    /** The form as posted; it has no NIK field, so a NIK sent along is never read. */
    record ProfileForm(String fullName, String email, String phone, String currentPassword) {

        ProfileCorrection.CorrectProfile toCommand() {
            // a field left out of a hand-made post is "unchanged", as in the API; the browser always sends all three
            return new ProfileCorrection.CorrectProfile(fullName, email, phone, currentPassword);
        }

        ProfileForm withoutPassword() {
            return new ProfileForm(fullName, email, phone, "");
        }
    }

    /**
     * Where Spring Security keeps the signed-in person between requests (the database-backed session), to put the
     * corrected name and address there at once.
     */
    private final SecurityContextRepository sessionContexts = new HttpSessionSecurityContextRepository();
    private final ProfileCorrection profiles;
    private final AccountRepository accounts;

    ProfilePages(ProfileCorrection profiles, AccountRepository accounts) {
        this.profiles = profiles;
        this.accounts = accounts;
    }

    @GetMapping("/account/profile")
    String form(Model model) {
        var row = accounts.findById(CurrentUser.require().accountId()).orElseThrow();
        page(model, row, new ProfileForm(row.fullName(), row.email(), row.phone() == null ? "" : row.phone(), ""));
        return "identity/profile";
    }

    @PostMapping("/account/profile")
    String save(@ModelAttribute ProfileForm form, Locale locale, Model model, RedirectAttributes redirect,
                HttpServletRequest request, HttpServletResponse response) {
        GeraiUser user = CurrentUser.require();
        ProfileCorrection.Corrected corrected;
        try {
            corrected = profiles.correct(user.accountId(), form.toCommand(), locale);
        } catch (InvalidInput e) {
            model.addAttribute("errors", e.fields());
            page(model, accounts.findById(user.accountId()).orElseThrow(), form.withoutPassword());
            return "identity/profile";
        }
        if (!corrected.changed().isEmpty()) {
            refreshSession(user.withProfile(corrected.account().email(), corrected.account().fullName()), request, response);
        }
        redirect.addFlashAttribute(corrected.changed().isEmpty() ? "profileUnchanged" : "profileSaved", true);
        return "redirect:/account/profile";
    }

    private static void page(Model model, AccountRepository.AccountRow row, ProfileForm form) {
        model.addAttribute("form", form);
        model.addAttribute("citizen", row.citizen());
        model.addAttribute("nikMasked", Masking.nik(row.nik()));
    }

    /**
     * Replaces the session's person with the corrected one, so the header shows the new name from the next page on.
     * Only this session: another device the person is signed in on keeps the old name in its header until it signs
     * in again (at most the session timeout). Nothing is decided on that copy: access goes by the account id and the
     * roles, which do not change here, and every account page reads the name and addresses from the database. The
     * API keeps no session; a request with an API token may carry the old name for the token cache's time to live
     * ({@code gerai.identity.api-tokens.cache-ttl}, 30 seconds by default).
     */
    private void refreshSession(GeraiUser corrected, HttpServletRequest request, HttpServletResponse response) {
        Authentication current = SecurityContextHolder.getContext().getAuthentication();
        var authentication = UsernamePasswordAuthenticationToken.authenticated(corrected, null, corrected.getAuthorities());
        authentication.setDetails(current == null ? null : current.getDetails());
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(authentication);
        SecurityContextHolder.setContext(context);
        sessionContexts.saveContext(context, request, response);
    }
}
