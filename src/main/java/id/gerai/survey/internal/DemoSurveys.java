package id.gerai.survey.internal;

import id.gerai.application.Application;
import id.gerai.application.ApplicationRecords;
import id.gerai.audit.AuditEvent;
import id.gerai.audit.AuditLog;
import id.gerai.catalog.CatalogApi;
import id.gerai.catalog.ServiceSummary;
import id.gerai.platform.TenantContext;
import id.gerai.platform.TenantId;
import id.gerai.survey.Element;
import id.gerai.survey.Ikm;
import id.gerai.survey.Period;
import id.gerai.survey.SkmResult.FollowUp;
import id.gerai.survey.internal.Respondent.AgeBand;
import id.gerai.survey.internal.Respondent.Education;
import id.gerai.survey.internal.Respondent.Occupation;
import id.gerai.survey.internal.Respondent.Sex;
import id.gerai.survey.internal.SurveyRepository.InvitationRow;
import id.gerai.survey.internal.SurveyRepository.ResponseRow;
import id.gerai.tenancy.ServicePoint;
import id.gerai.tenancy.ServicePointKind;
import id.gerai.tenancy.TenancyApi;
import id.gerai.tenancy.Tenant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Demo survey data on the first start, after the demo applications: the applicants of the completed demo
 * applications answer (all but the demo citizen {@code warga@gerai.local}, whose "rate this service" link stays
 * open), kiosks at each demo service point take walk-in responses in this quarter and the last, and Kota Tangerang
 * and Kabupaten Banyuwangi have last quarter published with a follow-up plan. Responses go through the same
 * recording as real ones (the invitation marked answered, the response stored without its application, aggregates,
 * audit, events); answers come from a fixed seed, so every start looks alike.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE - 30)
class DemoSurveys implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoSurveys.class);
    private static final String DEMO_CITIZEN = "warga@gerai.local";
    private static final List<String> PUBLISHED = List.of("kota-tangerang", "kabupaten-banyuwangi");

    private final boolean enabled;
    private final SurveyRepository repo;
    private final SurveyService service;
    private final TenancyApi tenancy;
    private final CatalogApi catalog;
    private final ApplicationRecords applications;
    private final AuditLog audit;
    private final TransactionTemplate tx;

    DemoSurveys(@Value("${gerai.demo.enabled}") boolean enabled, SurveyRepository repo, SurveyService service, TenancyApi tenancy,
                CatalogApi catalog, ApplicationRecords applications, AuditLog audit, TransactionTemplate tx) {
        this.enabled = enabled;
        this.repo = repo;
        this.service = service;
        this.tenancy = tenancy;
        this.catalog = catalog;
        this.applications = applications;
        this.audit = audit;
        this.tx = tx;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!enabled || repo.anyResponse()) {
            return;
        }
        int total = 0;
        for (Tenant t : tenancy.tenants()) {
            if (tenancy.servicePoints(t.id()).isEmpty()) {
                continue;
            }
            try {
                total += load(t, PUBLISHED.contains(t.slug()));
            } catch (RuntimeException e) {
                // demo data must never stop a start
                log.warn("Demo survey data of {} not loaded", t.slug(), e);
            }
        }
        log.info("Demo survey responses: {}", total);
    }

    /** Loads one tenant's demo responses (and, for the published tenants, last quarter's publication). */
    int load(Tenant tenant, boolean publishLastQuarter) {
        TenantId id = tenant.id();
        Random random = new Random(tenant.regionCode().hashCode());
        ZoneId zone = ZoneId.of("Asia/Jakarta");
        LocalDate today = service.today(id);
        int count = 0;
        // the applicants of completed applications
        for (InvitationRow i : TenantContext.call(id, () -> tx.execute(s -> repo.invitations(id)))) {
            Application app = applications.find(id, i.applicationId()).orElse(null);
            if (i.answered() || app == null || DEMO_CITIZEN.equals(app.applicantEmail())) {
                continue;
            }
            LocalDate day = LocalDate.ofInstant(i.completedAt(), zone);
            if (day.isAfter(today)) {
                day = today;
            }
            ResponseRow row = new ResponseRow(id, UUID.randomUUID(), SurveyService.CHANNEL_APPLICATION, i.serviceId(),
                    i.agencyId(), i.servicePointId(), day, i.completedAt(), answers(random), null);
            if (TenantContext.call(id, () -> tx.execute(s -> service.recordAnswer(i, row, "demo")))) {
                count++;
            }
        }
        // walk-in responses at the kiosks, last quarter and this one
        List<ServicePoint> points = tenancy.servicePoints(id).stream().filter(p -> p.kind() != ServicePointKind.ONLINE).toList();
        List<ServiceSummary> services = catalog.publishedServices(id);
        Period last = Period.quarterOf(today.minusMonths(3));
        Period current = Period.quarterOf(today);
        count += kiosk(id, random, points, services, last.from(), last.until().minusDays(1), 48);
        count += kiosk(id, random, points, services, current.from(), today, 24);
        if (publishLastQuarter) {
            publish(id, last);
        }
        return count;
    }

    private int kiosk(TenantId id, Random random, List<ServicePoint> points, List<ServiceSummary> services, LocalDate from,
                      LocalDate to, int n) {
        if (points.isEmpty()) {
            return 0;
        }
        long days = Math.max(1, to.toEpochDay() - from.toEpochDay() + 1);
        for (int k = 0; k < n; k++) {
            ServicePoint point = points.get(random.nextInt(points.size()));
            ServiceSummary svc = services.isEmpty() || random.nextInt(3) == 0 ? null : services.get(random.nextInt(services.size()));
            LocalDate day = from.plusDays(random.nextLong(days));
            record(id, new ResponseRow(id, UUID.randomUUID(), SurveyService.CHANNEL_KIOSK, svc == null ? null : svc.id(),
                    svc == null ? null : svc.agencyId(), point.id(), day, day.atTime(9 + random.nextInt(7), random.nextInt(60))
                    .atZone(ZoneId.of("Asia/Jakarta")).toInstant(), answers(random), null));
        }
        return n;
    }

    private void record(TenantId id, ResponseRow row) {
        TenantContext.run(id, () -> tx.executeWithoutResult(s -> service.record(row, "demo")));
    }

    /** Mostly good answers; facilities (U8) and complaint handling (U9) a little weaker, as many reports find. */
    private static Answers answers(Random random) {
        List<Integer> scores = new ArrayList<>(9);
        for (Element e : Element.values()) {
            int weak = e == Element.U8 || e == Element.U9 ? 25 : 8;
            int r = random.nextInt(100);
            scores.add(r < 2 ? 1 : r < weak ? 2 : r < 60 ? 3 : 4);
        }
        String[] suggestions = {null, null, null, "Ruang tunggu perlu ditambah kursi.", "Petugas ramah, terima kasih.",
                "Mohon informasi pengaduan dipasang lebih jelas.", null};
        return new Answers(List.copyOf(scores), Sex.values()[random.nextInt(2)], AgeBand.values()[1 + random.nextInt(5)],
                Education.values()[random.nextInt(Education.values().length)],
                Occupation.values()[random.nextInt(Occupation.values().length)], suggestions[random.nextInt(suggestions.length)]);
    }

    private void publish(TenantId id, Period period) {
        Ikm ikm = service.results(id, period).total().ikm();
        if (ikm.empty()) {
            return;
        }
        List<Element> lowest = ikm.lowest(2);
        TenantContext.run(id, () -> tx.executeWithoutResult(s -> {
            Map<Element, String[]> plan = Map.of(
                    Element.U8, new String[]{"Menambah kursi ruang tunggu dan memperbaiki pendingin ruangan", "Kepala UPT MPP"},
                    Element.U9, new String[]{"Memasang papan alur pengaduan dan QR code SP4N-LAPOR! di setiap loket", "Subbagian Pengaduan"});
            for (Element e : lowest) {
                String[] what = plan.getOrDefault(e, new String[]{"Evaluasi dan perbaikan unsur " + e.name() + " bersama instansi", "Kepala UPT MPP"});
                FollowUp f = new FollowUp(UUID.randomUUID(), e, what[0], what[1], period.until().plusMonths(3));
                repo.insertFollowUp(id, period, f, null);
                audit.record(AuditEvent.of(id, "survey.followup.added", "survey_followup", f.id(), null,
                        Map.of("period", period.toString(), "element", e.name(), "action", f.action())).byActor("demo"));
            }
            repo.insertPublication(id, period, null, ikm.respondents(), ikm.ikm(), ikm.converted(), ikm.grade());
            audit.record(AuditEvent.of(id, "survey.period.published", "survey_publication", period.toString(), null,
                    Map.of("period", period.toString(), "respondents", ikm.respondents(), "converted", ikm.converted().toPlainString()))
                    .byActor("demo"));
        }));
    }
}
