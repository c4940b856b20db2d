package id.gerai.survey.internal;

import id.gerai.calendar.WorkingCalendar;
import id.gerai.identity.CurrentUser;
import id.gerai.identity.GeraiUser;
import id.gerai.platform.GeraiException;
import id.gerai.platform.InvalidInput;
import id.gerai.survey.Element;
import id.gerai.survey.Period;
import id.gerai.survey.SkmResult;
import id.gerai.tenancy.TenancyApi;
import id.gerai.tenancy.Tenant;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * SKM results: the public report per tenant and period ({@code /skm/{tenant}}, {@code /skm/{tenant}/{period}}, its
 * PDF and CSV), and the MPP manager's page ({@code /manage/{tenant}/skm}) for the follow-up plan and publication.
 */
@Controller
class SkmPages {

    static final String TENANT = "geraiTenant";

    private final SurveyService surveys;
    private final ReportView.Builder views;
    private final TenancyApi tenancy;
    private final WorkingCalendar calendar;
    private final SkmPdf pdf;

    SkmPages(SurveyService surveys, ReportView.Builder views, TenancyApi tenancy, WorkingCalendar calendar, SkmPdf pdf) {
        this.surveys = surveys;
        this.views = views;
        this.tenancy = tenancy;
        this.calendar = calendar;
        this.pdf = pdf;
    }

    /** A period offered in a chooser. */
    record Option(String value, String label, boolean published) {
    }

    // --- public -----------------------------------------------------------------------------------------------

    @GetMapping("/skm")
    String index(Model model) {
        model.addAttribute("tenants", tenancy.tenants());
        return "survey/index";
    }

    @GetMapping("/skm/{tenant}")
    String current(@RequestAttribute(TENANT) Tenant tenant, @RequestParam(required = false) String period, Locale locale, Model model) {
        Period p = period == null || period.isBlank() ? Period.year(surveys.today(tenant.id()).getYear()) : parse(period);
        return report(tenant, p, locale, model);
    }

    @GetMapping("/skm/{tenant}/{period}")
    String period(@RequestAttribute(TENANT) Tenant tenant, @PathVariable String period, Locale locale, Model model) {
        return report(tenant, parse(period), locale, model);
    }

    private String report(Tenant tenant, Period period, Locale locale, Model model) {
        fillReport(tenant, period, locale, model);
        GeraiUser me = CurrentUser.get().orElse(null);
        model.addAttribute("mayManage", me != null && SurveyService.mayManage(tenant.id(), me));
        return "survey/report";
    }

    private ReportView fillReport(Tenant tenant, Period period, Locale locale, Model model) {
        SkmResult result = surveys.results(tenant.id(), period);
        ReportView view = views.of(result, locale, calendar.zone(tenant.id()));
        List<Period> published = surveys.published(tenant.id());
        model.addAttribute("tenant", tenant);
        model.addAttribute("v", view);
        model.addAttribute("period", period.toString());
        model.addAttribute("options", surveys.periods(tenant.id()).stream()
                .map(p -> new Option(p.toString(), views.period(p, locale), published.contains(p))).toList());
        model.addAttribute("published", published.stream().map(p -> new Option(p.toString(), views.period(p, locale), true)).toList());
        model.addAttribute("elements", Element.values());
        return view;
    }

    @GetMapping("/skm/{tenant}/{period}/report.pdf")
    ResponseEntity<byte[]> pdf(@RequestAttribute(TENANT) Tenant tenant, @PathVariable String period, Locale locale) {
        Period p = parse(period);
        ReportView view = views.of(surveys.results(tenant.id(), p), locale, calendar.zone(tenant.id()));
        byte[] bytes = pdf.render(tenant, view, locale);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                        .filename("skm-" + tenant.slug() + "-" + p + ".pdf", StandardCharsets.UTF_8).build().toString())
                .body(bytes);
    }

    @GetMapping("/skm/{tenant}/{period}/data.csv")
    ResponseEntity<byte[]> csv(@RequestAttribute(TENANT) Tenant tenant, @PathVariable String period, Locale locale) {
        Period p = parse(period);
        ReportView view = views.of(surveys.results(tenant.id(), p), locale, calendar.zone(tenant.id()));
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("skm-" + tenant.slug() + "-" + p + ".csv", StandardCharsets.UTF_8).build().toString())
                .body(SkmCsv.write(view, views, locale).getBytes(StandardCharsets.UTF_8));
    }

    static Period parse(String period) {
        return Period.parse(period).orElseThrow(() -> GeraiException.notFound("survey-period-invalid"));
    }

    // --- MPP manager ------------------------------------------------------------------------------------------

    @GetMapping("/manage/{tenant}/skm")
    String manage(@RequestAttribute(TENANT) Tenant tenant, @RequestParam(required = false) String period, Locale locale, Model model) {
        GeraiUser me = CurrentUser.require();
        SurveyService.requireManager(tenant.id(), me);
        Period p = period == null || period.isBlank() ? Period.quarterOf(surveys.today(tenant.id()).minusMonths(3)) : parse(period);
        fillReport(tenant, p, locale, model);
        model.addAttribute("ended", p.endedBy(surveys.today(tenant.id())));
        model.addAttribute("suggestions", surveys.suggestions(tenant.id(), p, me));
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", java.util.Map.of());
        }
        if (!model.containsAttribute("input")) {
            model.addAttribute("input", new SurveyService.NewFollowUp("", "", "", ""));
        }
        return "survey/manage";
    }

    @PostMapping("/manage/{tenant}/skm/{period}/followups")
    String addFollowUp(@RequestAttribute(TENANT) Tenant tenant, @PathVariable String period,
                       @RequestParam(required = false) String element, @RequestParam(required = false) String action,
                       @RequestParam(required = false) String owner, @RequestParam(required = false) String targetDate,
                       RedirectAttributes redirect) {
        Period p = parse(period);
        SurveyService.NewFollowUp input = new SurveyService.NewFollowUp(element, action, owner, targetDate);
        try {
            surveys.addFollowUp(tenant.id(), p, input, CurrentUser.require());
            redirect.addFlashAttribute("noticeKey", "survey.manage.followup.added");
        } catch (InvalidInput e) {
            redirect.addFlashAttribute("errors", new java.util.LinkedHashMap<>(e.fields()));
            redirect.addFlashAttribute("input", input);
        } catch (GeraiException e) {
            if (e.status().value() == 403) {
                throw e;
            }
            redirect.addFlashAttribute("problemKey", "error." + e.code());
        }
        return "redirect:/manage/" + tenant.slug() + "/skm?period=" + p + "#followup";
    }

    @PostMapping("/manage/{tenant}/skm/followups/{id}/remove")
    String removeFollowUp(@RequestAttribute(TENANT) Tenant tenant, @PathVariable UUID id, @RequestParam String period,
                          RedirectAttributes redirect) {
        Period p = parse(period);
        try {
            surveys.removeFollowUp(tenant.id(), id, CurrentUser.require());
            redirect.addFlashAttribute("noticeKey", "survey.manage.followup.removed");
        } catch (GeraiException e) {
            if (e.status().value() == 403) {
                throw e;
            }
            redirect.addFlashAttribute("problemKey", "error." + e.code());
        }
        return "redirect:/manage/" + tenant.slug() + "/skm?period=" + p + "#followup";
    }

    @PostMapping("/manage/{tenant}/skm/{period}/publish")
    String publish(@RequestAttribute(TENANT) Tenant tenant, @PathVariable String period, RedirectAttributes redirect) {
        Period p = parse(period);
        try {
            surveys.publish(tenant.id(), p, CurrentUser.require());
            redirect.addFlashAttribute("noticeKey", "survey.manage.published");
        } catch (GeraiException e) {
            if (e.status().value() == 403) {
                throw e;
            }
            redirect.addFlashAttribute("problemKey", "error." + e.code());
        }
        return "redirect:/manage/" + tenant.slug() + "/skm?period=" + p;
    }
}
