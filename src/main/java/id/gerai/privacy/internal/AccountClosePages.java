package id.gerai.privacy.internal;

import id.gerai.application.TrackingNumber;
import id.gerai.identity.CurrentUser;
import id.gerai.identity.GeraiUser;
import id.gerai.platform.GeraiException;
import id.gerai.platform.InvalidInput;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.time.Duration;
import java.util.List;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * "Tutup akun": the page says plainly what closing does and does not remove, then closes the signed-in citizen's own
 * account ({@link AccountClose}) on a plain form post, so it works without JavaScript. On success the request ends
 * signed out (its session is already deleted with the account's others) and lands on a confirmation page anybody may
 * open, since nobody is signed in any more. Staff are told that their administrators manage their accounts.
 */
@Controller
class AccountClosePages {

    /** The form as posted: the current password and the "I understand" box. */
    record CloseForm(String currentPassword, Boolean confirm) {

        boolean confirmed() {
            return Boolean.TRUE.equals(confirm);
        }
    }

    /** An application that stops the closing, as the page links to it. */
    record OpenRow(String trackingNo, String display) {
    }

    private final AccountClose closing;
    private final PersonalDataExport export;

    AccountClosePages(AccountClose closing, PersonalDataExport export) {
        this.closing = closing;
        this.export = export;
    }

    @GetMapping("/account/close")
    String page(Model model) {
        GeraiUser user = CurrentUser.require();
        page(model, user, user.citizen() ? closing.openApplications(user) : List.of());
        return "privacy/close";
    }

    @PostMapping("/account/close")
    String close(@ModelAttribute CloseForm form, Model model, HttpServletRequest request) {
        GeraiUser user = CurrentUser.require();
        if (!user.citizen()) {
            page(model, user, List.of());
            return "privacy/close";
        }
        try {
            closing.close(user, form.currentPassword(), form.confirmed());
        } catch (InvalidInput e) {
            model.addAttribute("errors", e.fields());
            page(model, user, closing.openApplications(user));
            return "privacy/close";
        } catch (AccountClose.OpenApplications e) {
            model.addAttribute("refused", true);
            page(model, user, e.trackingNumbers());
            return "privacy/close";
        } catch (GeraiException e) {
            if (e.status().value() != 403) {
                throw e;
            }
            page(model, user, List.of());
            return "privacy/close";
        }
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        SecurityContextHolder.clearContext();
        return "redirect:/account/closed";
    }

    /** Open to anybody: whoever lands here has just been signed out by closing their account. */
    @GetMapping("/account/closed")
    String closed() {
        return "privacy/closed";
    }

    private void page(Model model, GeraiUser user, List<String> open) {
        model.addAttribute("citizen", user.citizen());
        model.addAttribute("open", open.stream().map(t -> new OpenRow(t, TrackingNumber.display(t))).toList());
        PersonalDataExport.Retentions kept = export.retentions();
        model.addAttribute("applicationRetentionDays", days(kept.applications().closed()));
        model.addAttribute("complaintRetentionDays", days(kept.complaints()));
    }

    /** As the personal-data page states a retention: whole days, at least one. */
    private static long days(Duration d) {
        return Math.max(1, d.toDays());
    }
}
