package id.gerai.survey.internal;

import id.gerai.catalog.ServiceSummary;
import id.gerai.identity.CurrentUser;
import id.gerai.identity.GeraiUser;
import id.gerai.platform.GeraiException;
import id.gerai.platform.InvalidInput;
import id.gerai.survey.Element;
import id.gerai.tenancy.ServicePoint;
import id.gerai.tenancy.Tenant;
import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The survey kiosk: a counter officer or the MPP manager sets a tablet up for one service point (and optionally one
 * service); it then takes walk-in responses one after another, showing nobody's data, and starts afresh after each.
 * Each form carries a fresh response id, so a double tap records one response.
 */
@Controller
class KioskPages {

    static final String TENANT = "geraiTenant";

    private final SurveyService surveys;

    KioskPages(SurveyService surveys) {
        this.surveys = surveys;
    }

    @GetMapping("/manage/{tenant}/kiosk")
    String setup(@RequestAttribute(TENANT) Tenant tenant, Model model) {
        GeraiUser me = CurrentUser.require();
        model.addAttribute("tenant", tenant);
        model.addAttribute("points", surveys.kioskPoints(tenant.id(), me));
        model.addAttribute("services", surveys.kioskServices(tenant.id()));
        return "survey/kiosk-setup";
    }

    @GetMapping("/manage/{tenant}/kiosk/run")
    String run(@RequestAttribute(TENANT) Tenant tenant, @RequestParam(required = false) String point,
               @RequestParam(required = false) String service, Locale locale, Model model) {
        Setup s = setup(tenant, point, service);
        fill(tenant, s, UUID.randomUUID(), locale, model, Map.of(), Map.of());
        return "survey/kiosk";
    }

    @PostMapping("/manage/{tenant}/kiosk/run")
    String answer(@RequestAttribute(TENANT) Tenant tenant, @RequestParam Map<String, String> form, Locale locale,
                  Model model, HttpServletResponse response, RedirectAttributes redirect) {
        Setup s = setup(tenant, form.get("point"), form.get("service"));
        UUID responseId = uuid(form.get("responseId"));
        try {
            surveys.answerAtKiosk(tenant.id(), s.point().id(), s.service() == null ? null : s.service().id(),
                    responseId, Answers.parse(form), CurrentUser.require());
        } catch (InvalidInput e) {
            response.setStatus(422);
            fill(tenant, s, responseId == null ? UUID.randomUUID() : responseId, locale, model, e.fields(), form);
            return "survey/kiosk";
        }
        redirect.addFlashAttribute("thanks", true);
        redirect.addAttribute("point", s.point().id());
        if (s.service() != null) {
            redirect.addAttribute("service", s.service().id());
        }
        return "redirect:/manage/" + tenant.slug() + "/kiosk/run";
    }

    record Setup(ServicePoint point, ServiceSummary service) {
    }

    private Setup setup(Tenant tenant, String point, String service) {
        GeraiUser me = CurrentUser.require();
        UUID pointId = uuid(point);
        ServicePoint p = surveys.kioskPoints(tenant.id(), me).stream().filter(x -> x.id().equals(pointId)).findFirst()
                .orElseThrow(() -> GeraiException.notFound("not-found"));
        UUID serviceId = uuid(service);
        ServiceSummary svc = null;
        if (serviceId != null) {
            svc = surveys.kioskServices(tenant.id()).stream().filter(x -> x.id().equals(serviceId)).findFirst()
                    .orElseThrow(() -> GeraiException.notFound("not-found"));
        }
        return new Setup(p, svc);
    }

    private void fill(Tenant tenant, Setup s, UUID responseId, Locale locale, Model model, Map<String, String> errors,
                      Map<String, String> values) {
        boolean english = "en".equals(locale.getLanguage());
        model.addAttribute("tenant", tenant);
        model.addAttribute("point", s.point());
        model.addAttribute("service", s.service());
        model.addAttribute("serviceName", s.service() == null ? null
                : english && s.service().nameEn() != null && !s.service().nameEn().isBlank() ? s.service().nameEn() : s.service().name());
        model.addAttribute("responseId", responseId);
        model.addAttribute("elements", Element.values());
        model.addAttribute("dimensions", Respondent.DIMENSIONS);
        model.addAttribute("errors", new LinkedHashMap<>(errors));
        model.addAttribute("values", new LinkedHashMap<>(values));
        model.addAttribute("action", "/manage/" + tenant.slug() + "/kiosk/run");
        model.addAttribute("kiosk", true);
    }

    static UUID uuid(String s) {
        return id.gerai.platform.web.FormValues.uuidOrNull(s);
    }

    static List<String> none() {
        return List.of();
    }
}
