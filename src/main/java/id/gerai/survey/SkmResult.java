package id.gerai.survey;

import id.gerai.platform.TenantId;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A tenant's survey result for one period: the IKM of the whole tenant and per service, agency and service point,
 * each beside its population (applications served in the period) and minimum sample; the respondent profile; and,
 * once the MPP manager published it, the publication and the follow-up plan. Holds no personal data.
 *
 * @param profile per dimension ({@code sex}, {@code age}, {@code education}, {@code occupation}) the count per
 *                category code, every category listed (0 where none)
 */
public record SkmResult(TenantId tenant, Period period, Figure total, List<Figure> services, List<Figure> agencies,
                        List<Figure> servicePoints, Map<String, Map<String, Long>> profile, Publication publication,
                        List<FollowUp> followUps) {

    /**
     * The IKM of one scope.
     *
     * @param id            the service, agency or service point; {@code null} for the tenant, or for responses
     *                      given without one (a kiosk response about a service point only; an online application)
     * @param name          its name ({@code nameEn} in English where there is one)
     * @param population    applications completed in the scope and period
     * @param minimumSample Krejcie &amp; Morgan's minimum for that population ({@link SampleSize})
     */
    public record Figure(UUID id, String name, String nameEn, Ikm ikm, long population, int minimumSample) {

        /** Fewer respondents than the minimum sample: the result is provisional. */
        public boolean provisional() {
            return ikm.respondents() < minimumSample || ikm.empty();
        }
    }

    /** When and with which figures the period was published. */
    public record Publication(Instant publishedAt, long respondents, BigDecimal ikm, BigDecimal converted, Grade grade) {
    }

    /** One action of the follow-up plan (rencana tindak lanjut). */
    public record FollowUp(UUID id, Element element, String action, String owner, LocalDate targetDate) {
    }

    public boolean published() {
        return publication != null;
    }
}
