package id.gerai.survey.internal;

import id.gerai.survey.Element;
import id.gerai.survey.Grade;
import id.gerai.survey.Ikm;
import id.gerai.survey.Period;
import id.gerai.survey.SkmResult;
import id.gerai.survey.SkmResult.Figure;
import id.gerai.tenancy.Tenant;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RestController;

/** Published and running SKM results as data; public, no personal data. */
@RestController
@Tag(name = "Satisfaction survey", description = "SKM results (PermenPAN-RB 14/2017): IKM per tenant, service, agency and service point")
class SkmApiController {

    private final SurveyService surveys;

    SkmApiController(SurveyService surveys) {
        this.surveys = surveys;
    }

    record Periods(List<String> published, List<String> available) {
    }

    /** One element's figures. */
    record ElementView(Element element, BigDecimal average, BigDecimal score) {
    }

    /**
     * The IKM of a scope: on 1-4 ({@code ikm}), converted to 25-100 with the exact 1/9 weight ({@code score}) and with
     * the printed 0.111 ({@code score0111}); provisional when under the minimum sample.
     */
    record FigureView(UUID id, String name, String nameEn, long respondents, BigDecimal ikm, BigDecimal score, BigDecimal score0111,
                      Grade grade, long population, int minimumSample, boolean provisional, List<ElementView> elements) {

        static FigureView of(Figure f, boolean withElements) {
            Ikm i = f.ikm();
            List<ElementView> elements = new ArrayList<>();
            if (withElements && !i.empty()) {
                for (Element e : Element.values()) {
                    elements.add(new ElementView(e, i.average(e), i.convertedAverage(e)));
                }
            }
            return new FigureView(f.id(), f.name(), f.nameEn(), i.respondents(), i.ikm(), i.converted(), i.converted0111(), i.grade(),
                    f.population(), f.minimumSample(), f.provisional(), elements);
        }
    }

    record FollowUpView(Element element, String action, String owner, LocalDate targetDate) {
    }

    record ResultView(String period, LocalDate from, LocalDate until, boolean published, Instant publishedAt, FigureView total,
                      List<FigureView> services, List<FigureView> agencies, List<FigureView> servicePoints,
                      Map<String, Map<String, Long>> profile, List<FollowUpView> followUps) {
    }

    @Operation(summary = "Survey periods", description = "The periods the tenant has published (newest first) and every period "
            + "with figures so far (years, semesters, quarters).")
    @GetMapping("/api/tenants/{tenant}/skm/periods")
    Periods periods(@RequestAttribute(SkmPages.TENANT) Tenant tenant) {
        return new Periods(surveys.published(tenant.id()).stream().map(Period::toString).toList(),
                surveys.periods(tenant.id()).stream().map(Period::toString).toList());
    }

    @Operation(summary = "IKM of a period", description = "Period as 2026, 2026-S1 or 2026-Q3. Per element averages, the IKM with "
            + "the exact 1/9 weight (and 0.111 beside it), grade A-D, minimum sample by Krejcie & Morgan from the applications "
            + "completed in the period, breakdowns per service, agency and service point, respondent profile counts and, once "
            + "published, the follow-up plan. Unpublished periods show running figures (published=false).")
    @GetMapping("/api/tenants/{tenant}/skm/{period}")
    ResultView result(@RequestAttribute(SkmPages.TENANT) Tenant tenant, @PathVariable String period) {
        Period p = SkmPages.parse(period);
        SkmResult r = surveys.results(tenant.id(), p);
        return new ResultView(p.toString(), p.from(), p.until(), r.published(), r.published() ? r.publication().publishedAt() : null,
                FigureView.of(r.total(), true), r.services().stream().map(f -> FigureView.of(f, true)).toList(),
                r.agencies().stream().map(f -> FigureView.of(f, false)).toList(),
                r.servicePoints().stream().map(f -> FigureView.of(f, false)).toList(), r.profile(),
                (r.published() ? r.followUps() : List.<SkmResult.FollowUp>of()).stream().map(f -> new FollowUpView(f.element(), f.action(), f.owner(), f.targetDate())).toList());
    }
}
