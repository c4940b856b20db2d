package id.gerai.survey.internal;

import id.gerai.application.TrackingNumber;
import id.gerai.catalog.CatalogApi;
import id.gerai.catalog.ServiceSummary;
import id.gerai.identity.CurrentUser;
import id.gerai.identity.GeraiUser;
import id.gerai.platform.GeraiException;
import id.gerai.platform.InvalidInput;
import id.gerai.survey.Element;
import id.gerai.survey.internal.SurveyRepository.InvitationRow;
import id.gerai.tenancy.TenancyApi;
import id.gerai.tenancy.Tenant;
import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The applicant's questionnaire after a completed application, {@code /survey/{tracking}}: a plain form (no script
 * needed), one response per application, final once sent.
 */
@Controller
class QuestionnairePages {

    private final SurveyService surveys;
    private final CatalogApi catalog;
    private final TenancyApi tenancy;

    QuestionnairePages(SurveyService surveys, CatalogApi catalog, TenancyApi tenancy) {
        this.surveys = surveys;
        this.catalog = catalog;
        this.tenancy = tenancy;
    }

    @GetMapping("/survey/{tracking}")
    String form(@PathVariable String tracking, Locale locale, Model model) {
        InvitationRow i = surveys.invitationOf(tracking, CurrentUser.require());
        fill(i, locale, model, Map.of(), Map.of());
        return "survey/questionnaire";
    }

    @PostMapping("/survey/{tracking}")
    String submit(@PathVariable String tracking, @RequestParam Map<String, String> form, Locale locale, Model model,
                  HttpServletResponse response, RedirectAttributes redirect) {
        GeraiUser me = CurrentUser.require();
        InvitationRow i = surveys.invitationOf(tracking, me);
        String base = "/survey/" + i.trackingNo();
        try {
            surveys.answer(tracking, Answers.parse(form), me);
        } catch (InvalidInput e) {
            response.setStatus(422);
            fill(i, locale, model, e.fields(), form);
            return "survey/questionnaire";
        } catch (GeraiException e) {
            if (e.status().value() != 409) {
                throw e;
            }
            redirect.addFlashAttribute("problemKey", "error." + e.code());
            return "redirect:" + base;
        }
        redirect.addFlashAttribute("thanks", true);
        return "redirect:" + base;
    }

    private void fill(InvitationRow i, Locale locale, Model model, Map<String, String> errors, Map<String, String> values) {
        Tenant tenant = tenancy.byId(i.tenant()).orElseThrow(() -> GeraiException.notFound("survey-not-found"));
        ServiceSummary service = catalog.service(i.tenant(), i.serviceId()).orElse(null);
        String serviceName = service == null ? "" : "en".equals(locale.getLanguage()) && service.nameEn() != null
                && !service.nameEn().isBlank() ? service.nameEn() : service.name();
        model.addAttribute("tenant", tenant);
        model.addAttribute("trackingNo", i.trackingNo());
        model.addAttribute("tracking", TrackingNumber.display(i.trackingNo()));
        model.addAttribute("serviceName", serviceName);
        model.addAttribute("answered", i.answered());
        model.addAttribute("open", surveys.isOpen(i));
        model.addAttribute("elements", Element.values());
        model.addAttribute("dimensions", Respondent.DIMENSIONS);
        model.addAttribute("errors", new LinkedHashMap<>(errors));
        model.addAttribute("values", new LinkedHashMap<>(values));
        model.addAttribute("action", "/survey/" + i.trackingNo());
    }
}
