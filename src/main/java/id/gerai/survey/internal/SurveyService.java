package id.gerai.survey.internal;

import id.gerai.application.Application;
import id.gerai.application.ApplicationCompleted;
import id.gerai.application.ApplicationRecords;
import id.gerai.application.ApplicationRecords.CompletedCount;
import id.gerai.application.TrackingNumber;
import id.gerai.audit.AuditEvent;
import id.gerai.audit.AuditLog;
import id.gerai.calendar.WorkingCalendar;
import id.gerai.catalog.CatalogApi;
import id.gerai.catalog.ServiceSummary;
import id.gerai.identity.GeraiUser;
import id.gerai.identity.Membership;
import id.gerai.identity.Role;
import id.gerai.notification.Email;
import id.gerai.notification.Notifications;
import id.gerai.platform.GeraiException;
import id.gerai.platform.InvalidInput;
import id.gerai.platform.TenantContext;
import id.gerai.platform.TenantId;
import id.gerai.survey.Element;
import id.gerai.survey.Ikm;
import id.gerai.survey.Invitation;
import id.gerai.survey.Period;
import id.gerai.survey.SampleSize;
import id.gerai.survey.SkmResult;
import id.gerai.survey.SkmResult.Figure;
import id.gerai.survey.SkmResult.FollowUp;
import id.gerai.survey.SurveyAnswered;
import id.gerai.survey.SurveyRecords;
import id.gerai.survey.Surveys;
import id.gerai.survey.internal.SurveyRepository.InvitationRow;
import id.gerai.survey.internal.SurveyRepository.ResponseRow;
import id.gerai.survey.internal.SurveyRepository.Sums;
import id.gerai.tenancy.Agency;
import id.gerai.tenancy.ServicePoint;
import id.gerai.tenancy.TenancyApi;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The survey's use cases: the invitation after completion, answering it, the kiosk, the IKM results, the follow-up
 * plan and publication. Every write runs in the tenant's scope, entered before its transaction; a response, its
 * aggregates, its audit record and its {@link SurveyAnswered} event commit together.
 */
@Service
class SurveyService implements Surveys, SurveyRecords {

    private static final Logger log = LoggerFactory.getLogger(SurveyService.class);

    static final String CHANNEL_APPLICATION = "APPLICATION";
    static final String CHANNEL_KIOSK = "KIOSK";
    static final Role[] KIOSK_ROLES = {Role.PETUGAS_LOKET, Role.PENGELOLA_MPP};
    /** The audit actor of an applicant's response: the signed-in applicant would name the respondent. */
    static final String ANONYMOUS = "anonymous";

    private final SurveyRepository repo;
    private final TransactionTemplate tx;
    private final TransactionTemplate readTx;
    private final AuditLog audit;
    private final Notifications notifications;
    private final ApplicationRecords applications;
    private final ApplicationEventPublisher events;
    private final WorkingCalendar calendar;
    private final TenancyApi tenancy;
    private final CatalogApi catalog;
    private final MessageSource messages;
    private final SurveyProperties properties;
    private final String baseUrl;

    SurveyService(SurveyRepository repo, TransactionTemplate tx, AuditLog audit, Notifications notifications,
                  ApplicationRecords applications, ApplicationEventPublisher events, WorkingCalendar calendar,
                  TenancyApi tenancy, CatalogApi catalog, MessageSource messages, SurveyProperties properties,
                  @Value("${gerai.base-url}") String baseUrl) {
        this.repo = repo;
        this.tx = tx;
        this.readTx = new TransactionTemplate(tx.getTransactionManager());
        this.readTx.setReadOnly(true);
        this.audit = audit;
        this.notifications = notifications;
        this.applications = applications;
        this.events = events;
        this.calendar = calendar;
        this.tenancy = tenancy;
        this.catalog = catalog;
        this.messages = messages;
        this.properties = properties;
        this.baseUrl = baseUrl.replaceAll("/+$", "");
    }

    // --- invitation -------------------------------------------------------------------------------------------

    /**
     * Records the completed application's invitation and e-mails the applicant the questionnaire's link, in the
     * completing transaction (its tenant scope is in effect). A repeated event changes nothing while the invitation
     * exists. Once answered or expired it is deleted ({@link SurveyInvitationPurge}), and nothing could tell a repeat
     * from a first event any more; none comes, though: an application completes once (the approval that completes it
     * moves it, under its lock version, to a final state), and this runs in that transaction, not from the event
     * publication log (the document module's resubmission of its own publication reaches only its own listener).
     * A completion older than the invitation's validity is not invited at all, as it could not be answered.
     */
    void invite(ApplicationCompleted completed) {
        if (!Instant.now().isBefore(completed.completedAt().plus(properties.invitationValidity()))) {
            log.warn("Survey invitation skipped: application {} completed at {}, too long ago to answer",
                    completed.applicationId(), completed.completedAt());
            return;
        }
        Application app = applications.find(completed.tenant(), completed.applicationId()).orElse(null);
        if (app == null) {
            log.warn("Survey invitation skipped: application {} not found", completed.applicationId());
            return;
        }
        boolean created = repo.insertInvitation(new InvitationRow(completed.tenant(), app.id(), app.trackingNo(), app.serviceId(),
                app.agencyId(), app.servicePointId(), app.applicantId(), completed.completedAt(), false));
        if (!created) {
            return;
        }
        audit.record(AuditEvent.of(completed.tenant(), "survey.invitation.created", "survey_invitation", app.id(), null,
                Map.of("trackingNo", app.trackingNo())).byActor("system"));
        if (app.applicantEmail() != null && !app.applicantEmail().isBlank()) {
            Locale locale = "en".equals(app.lang()) ? Locale.ENGLISH : Locale.forLanguageTag("id");
            String url = baseUrl + "/survey/" + app.trackingNo();
            String display = TrackingNumber.display(app.trackingNo());
            try {
                notifications.queue(new Email(completed.tenant(), app.applicantEmail(),
                        messages.getMessage("survey.mail.subject", new Object[]{display}, locale),
                        messages.getMessage("survey.mail.body", new Object[]{app.applicantName(), display, url,
                                properties.invitationValidity().toDays()}, locale)));
            } catch (IllegalArgumentException e) {
                log.warn("Survey invitation of {} not e-mailed: {}", app.trackingNo(), e.getMessage());
            }
        }
    }

    @Override
    public Optional<Invitation> invitationFor(TenantId tenant, UUID applicationId) {
        return TenantContext.call(tenant, () -> readTx.execute(s -> repo.invitation(tenant, applicationId)))
                .map(i -> new Invitation(open(i), i.answered(), "/survey/" + i.trackingNo()));
    }

    private boolean open(InvitationRow i) {
        return !i.answered() && Instant.now().isBefore(i.completedAt().plus(properties.invitationValidity()));
    }

    /** The invitation behind a questionnaire link, for its applicant only (anyone else: 404, nothing revealed). */
    InvitationRow invitationOf(String tracking, GeraiUser me) {
        String canonical = TrackingNumber.normalize(tracking);
        if (canonical == null) {
            throw GeraiException.notFound("survey-not-found");
        }
        return repo.invitationByTracking(canonical)
                .filter(i -> i.applicantId().equals(me.accountId()))
                .orElseThrow(() -> GeraiException.notFound("survey-not-found"));
    }

    /** Whether the applicant may still answer: not answered, not expired. */
    boolean isOpen(InvitationRow i) {
        return open(i);
    }

    /**
     * The applicant's questionnaire: one response per application, never changed afterwards. The response is stored
     * without the application, and audited without the applicant as actor; what keeps it to one per application is
     * the invitation's answered flag, set in the same transaction ({@link #recordAnswer}).
     */
    UUID answer(String tracking, Answers answers, GeraiUser me) {
        InvitationRow i = invitationOf(tracking, me);
        if (i.answered()) {
            throw GeraiException.conflict("survey-already-answered");
        }
        if (!open(i)) {
            throw GeraiException.conflict("survey-closed");
        }
        UUID id = UUID.randomUUID();
        Instant now = Instant.now();
        ResponseRow row = new ResponseRow(i.tenant(), id, CHANNEL_APPLICATION, i.serviceId(), i.agencyId(),
                i.servicePointId(), LocalDate.ofInstant(now, calendar.zone(i.tenant())), now, answers, null);
        if (!TenantContext.call(i.tenant(), () -> tx.execute(s -> recordAnswer(i, row, ANONYMOUS)))) {
            throw GeraiException.conflict("survey-already-answered");
        }
        return id;
    }

    /**
     * Marks the invitation answered and records its response, in the caller's transaction and scope. The guarded
     * update decides: when it changes nothing (answered already, by a concurrent submission too) nothing is written.
     *
     * @return false when the invitation was answered already
     */
    boolean recordAnswer(InvitationRow invitation, ResponseRow row, String actor) {
        if (!repo.markAnswered(invitation.tenant(), invitation.applicationId())) {
            return false;
        }
        if (!record(row, actor)) {
            // a response id taken already: not this answer, so the invitation stays unanswered
            throw new IllegalStateException("Survey response id " + row.id() + " exists already");
        }
        return true;
    }

    // --- kiosk ------------------------------------------------------------------------------------------------

    /** The service points where {@code me} may run the kiosk. */
    List<ServicePoint> kioskPoints(TenantId tenant, GeraiUser me) {
        if (!me.hasTenantRole(tenant, KIOSK_ROLES)) {
            throw GeraiException.forbidden("forbidden");
        }
        List<ServicePoint> all = tenancy.servicePoints(tenant);
        if (me.hasPlatformRole(Role.ADMIN_PLATFORM)) {
            return all;
        }
        List<Membership> mine = me.memberships().stream()
                .filter(m -> m.tenant().equals(tenant) && (m.role() == Role.PETUGAS_LOKET || m.role() == Role.PENGELOLA_MPP))
                .toList();
        if (mine.stream().anyMatch(m -> m.servicePointId() == null)) {
            return all;
        }
        Set<UUID> points = mine.stream().map(Membership::servicePointId).collect(Collectors.toSet());
        return all.stream().filter(p -> points.contains(p.id())).toList();
    }

    /** The tenant's services a kiosk may ask about, by name. */
    List<ServiceSummary> kioskServices(TenantId tenant) {
        return catalog.publishedServices(tenant).stream().sorted(Comparator.comparing(ServiceSummary::name)).toList();
    }

    /**
     * A walk-in response at a kiosk. {@code responseId} comes from the form, so a double tap records it once.
     *
     * @return false when that response was recorded already
     */
    boolean answerAtKiosk(TenantId tenant, UUID pointId, UUID serviceId, UUID responseId, Answers answers, GeraiUser me) {
        ServicePoint point = kioskPoints(tenant, me).stream().filter(p -> p.id().equals(pointId)).findFirst()
                .orElseThrow(() -> InvalidInput.of("point", "survey.kiosk.point-required"));
        UUID agencyId = null;
        if (serviceId != null) {
            ServiceSummary service = catalog.service(tenant, serviceId)
                    .orElseThrow(() -> InvalidInput.of("service", "survey.kiosk.service-unknown"));
            agencyId = service.agencyId();
        }
        Instant now = Instant.now();
        ResponseRow row = new ResponseRow(tenant, responseId == null ? UUID.randomUUID() : responseId, CHANNEL_KIOSK,
                serviceId, agencyId, point.id(), LocalDate.ofInstant(now, calendar.zone(tenant)), now, answers, me.accountId());
        return TenantContext.call(tenant, () -> tx.execute(s -> record(row, me.auditActorId())));
    }

    /**
     * Writes a response with its aggregates, audit record and event; in the caller's transaction and scope. Neither
     * the audit record nor the event names an application; the caller names the audit actor ({@link #ANONYMOUS} for
     * an applicant, the officer at a kiosk).
     */
    boolean record(ResponseRow row, String actor) {
        if (!repo.insertResponse(row)) {
            return false;
        }
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("channel", row.channel());
        if (row.servicePointId() != null) {
            after.put("servicePointId", row.servicePointId().toString());
        }
        after.put("answers", row.answers().scores());
        AuditEvent event = AuditEvent.of(row.tenant(), "survey.response.recorded", "survey_response", row.id(), null, after);
        audit.record(actor == null ? event : event.byActor(actor));
        events.publishEvent(new SurveyAnswered(row.tenant(), row.id(), row.serviceId(), row.agencyId(), row.servicePointId(),
                row.answeredOn(), row.answers().scores()));
        return true;
    }

    @Override
    public void replay(TenantId tenant, Consumer<SurveyAnswered> sink) {
        TenantContext.run(tenant, () -> readTx.executeWithoutResult(s -> repo.replay(tenant, sink)));
    }

    // --- results ----------------------------------------------------------------------------------------------

    @Override
    public SkmResult results(TenantId tenant, Period period) {
        ZoneId zone = calendar.zone(tenant);
        Instant from = period.from().atStartOfDay(zone).toInstant();
        Instant until = period.until().atStartOfDay(zone).toInstant();
        record Read(List<Sums> sums, List<SurveyRepository.ProfileCount> profile, Optional<SkmResult.Publication> publication,
                    List<FollowUp> followUps) {
        }
        Read read = TenantContext.call(tenant, () -> readTx.execute(s -> new Read(repo.sums(tenant, period.from(), period.until()),
                repo.profile(tenant, period.from(), period.until()), repo.publication(tenant, period), repo.followUps(tenant, period))));
        List<CompletedCount> counts = applications.completedCounts(tenant, from, until);

        Map<UUID, ServiceSummary> services = catalog.services(tenant).stream()
                .collect(Collectors.toMap(ServiceSummary::id, Function.identity(), (a, b) -> a));
        Map<UUID, Agency> agencies = tenancy.agencies(tenant).stream().collect(Collectors.toMap(Agency::id, Function.identity(), (a, b) -> a));
        Map<UUID, ServicePoint> points = tenancy.servicePoints(tenant).stream()
                .collect(Collectors.toMap(ServicePoint::id, Function.identity(), (a, b) -> a));

        Figure total = figure(null, null, null, read.sums(), s -> true, counts.stream().mapToLong(CompletedCount::count).sum());
        List<Figure> byService = breakdown(read.sums(), Sums::service, counts, CompletedCount::serviceId,
                id -> services.containsKey(id) ? services.get(id).name() : null,
                id -> services.containsKey(id) ? services.get(id).nameEn() : null);
        List<Figure> byAgency = breakdown(read.sums(), Sums::agency, counts, CompletedCount::agencyId,
                id -> agencies.containsKey(id) ? agencies.get(id).name() : null, id -> null);
        List<Figure> byPoint = breakdown(read.sums(), Sums::point, counts, CompletedCount::servicePointId,
                id -> points.containsKey(id) ? points.get(id).name() : null, id -> null);

        Map<String, Map<String, Long>> profile = new LinkedHashMap<>();
        Respondent.DIMENSIONS.forEach((dimension, categories) -> {
            Map<String, Long> m = new LinkedHashMap<>();
            categories.forEach(c -> m.put(c, 0L));
            profile.put(dimension, m);
        });
        for (SurveyRepository.ProfileCount p : read.profile()) {
            Map<String, Long> m = profile.get(p.dimension());
            if (m != null && m.containsKey(p.category())) {
                m.put(p.category(), p.n());
            }
        }
        return new SkmResult(tenant, period, total, byService, byAgency, byPoint, profile, read.publication().orElse(null),
                read.followUps());
    }

    private static Figure figure(UUID id, String name, String nameEn, List<Sums> rows, java.util.function.Predicate<Sums> in, long population) {
        long n = 0;
        long[] sums = new long[9];
        for (Sums r : rows) {
            if (in.test(r)) {
                n += r.n();
                for (int k = 0; k < 9; k++) {
                    sums[k] += r.sums()[k];
                }
            }
        }
        return new Figure(id, name, nameEn, Ikm.of(n, sums), population, SampleSize.minimum(population));
    }

    /** One figure per key that has responses, named; unnamed keys (none, or deleted) after the named ones. */
    private static List<Figure> breakdown(List<Sums> rows, Function<Sums, UUID> key, List<CompletedCount> counts,
                                          Function<CompletedCount, UUID> countKey, Function<UUID, String> name,
                                          Function<UUID, String> nameEn) {
        Map<UUID, List<Sums>> groups = new HashMap<>();
        for (Sums r : rows) {
            groups.computeIfAbsent(key.apply(r), k -> new ArrayList<>()).add(r);
        }
        Map<UUID, Long> population = new HashMap<>();
        for (CompletedCount c : counts) {
            population.merge(SurveyRepository.key(countKey.apply(c)), c.count(), Long::sum);
        }
        List<Figure> figures = new ArrayList<>();
        groups.forEach((k, g) -> {
            UUID id = SurveyRepository.unkey(k);
            figures.add(figure(id, id == null ? null : name.apply(id), id == null ? null : nameEn.apply(id), g, r -> true,
                    population.getOrDefault(k, 0L)));
        });
        figures.sort(Comparator.comparing((Figure f) -> f.name() == null).thenComparing(f -> f.name() == null ? "" : f.name()));
        return figures;
    }

    @Override
    public List<Period> published(TenantId tenant) {
        return TenantContext.call(tenant, () -> readTx.execute(s -> repo.publishedPeriods(tenant)));
    }

    /** The periods a report offers: each quarter, semester and year from the first response (or this year) to today. */
    List<Period> periods(TenantId tenant) {
        LocalDate today = LocalDate.now(calendar.zone(tenant));
        LocalDate first = TenantContext.call(tenant, () -> readTx.execute(s -> repo.firstDay(tenant))).orElse(today);
        if (first.isAfter(today)) {
            first = today;
        }
        List<Period> periods = new ArrayList<>();
        for (int year = today.getYear(); year >= first.getYear(); year--) {
            periods.add(Period.year(year));
            for (int s = 2; s >= 1; s--) {
                Period p = Period.semester(year, s);
                if (!p.from().isAfter(today) && p.until().isAfter(first)) {
                    periods.add(p);
                }
            }
            for (int q = 4; q >= 1; q--) {
                Period p = Period.quarter(year, q);
                if (!p.from().isAfter(today) && p.until().isAfter(first)) {
                    periods.add(p);
                }
            }
        }
        return periods;
    }

    LocalDate today(TenantId tenant) {
        return LocalDate.now(calendar.zone(tenant));
    }

    List<String> suggestions(TenantId tenant, Period period, GeraiUser me) {
        requireManager(tenant, me);
        return TenantContext.call(tenant, () -> readTx.execute(s -> repo.suggestions(tenant, period, 100)));
    }

    // --- follow-up plan and publication -----------------------------------------------------------------------

    static void requireManager(TenantId tenant, GeraiUser me) {
        if (!me.hasTenantRole(tenant, Role.PENGELOLA_MPP)) {
            throw GeraiException.forbidden("forbidden");
        }
    }

    static boolean mayManage(TenantId tenant, GeraiUser me) {
        return me.hasTenantRole(tenant, Role.PENGELOLA_MPP);
    }

    record NewFollowUp(String element, String action, String owner, String targetDate) implements java.io.Serializable {
    }

    FollowUp addFollowUp(TenantId tenant, Period period, NewFollowUp input, GeraiUser me) {
        requireManager(tenant, me);
        InvalidInput.Collector errors = new InvalidInput.Collector();
        Element element = null;
        try {
            element = Element.valueOf(input.element() == null ? "" : input.element().strip().toUpperCase());
        } catch (IllegalArgumentException e) {
            errors.add("element", "survey.followup.error.element");
        }
        String action = input.action() == null ? "" : input.action().strip();
        String owner = input.owner() == null ? "" : input.owner().strip();
        if (action.isEmpty() || action.length() > 1000) {
            errors.add("action", "survey.followup.error.action");
        }
        if (owner.isEmpty() || owner.length() > 200) {
            errors.add("owner", "survey.followup.error.owner");
        }
        LocalDate target = null;
        try {
            target = LocalDate.parse(input.targetDate() == null ? "" : input.targetDate().strip());
        } catch (java.time.format.DateTimeParseException e) {
            errors.add("targetDate", "survey.followup.error.target-date");
        }
        if (target != null && target.isBefore(period.from())) {
            errors.add("targetDate", "survey.followup.error.target-date-before");
        }
        errors.throwIfAny();
        FollowUp f = new FollowUp(UUID.randomUUID(), element, action, owner, target);
        TenantContext.run(tenant, () -> tx.executeWithoutResult(s -> {
            if (repo.publication(tenant, period).isPresent()) {
                throw GeraiException.conflict("survey-period-published");
            }
            repo.insertFollowUp(tenant, period, f, me.accountId());
            audit.record(AuditEvent.of(tenant, "survey.followup.added", "survey_followup", f.id(), null, Map.of(
                    "period", period.toString(), "element", f.element().name(), "action", f.action(), "owner", f.owner(),
                    "targetDate", f.targetDate().toString())));
        }));
        return f;
    }

    void removeFollowUp(TenantId tenant, UUID id, GeraiUser me) {
        requireManager(tenant, me);
        TenantContext.run(tenant, () -> tx.executeWithoutResult(s -> {
            FollowUp f = repo.followUp(tenant, id).orElseThrow(() -> GeraiException.notFound("survey-followup-not-found"));
            Period period = Period.parse(repo.followUpPeriod(tenant, id).orElseThrow()).orElseThrow();
            if (repo.publication(tenant, period).isPresent()) {
                throw GeraiException.conflict("survey-period-published");
            }
            repo.deleteFollowUp(tenant, id);
            audit.record(AuditEvent.of(tenant, "survey.followup.removed", "survey_followup", id, Map.of(
                    "period", period.toString(), "element", f.element().name(), "action", f.action()), null));
        }));
    }

    /**
     * Publishes a period's result: only once it has ended (its figures no longer change), with respondents and a
     * follow-up plan. The figures as published are kept with the publication.
     */
    SkmResult publish(TenantId tenant, Period period, GeraiUser me) {
        requireManager(tenant, me);
        if (!period.endedBy(today(tenant))) {
            throw GeraiException.invalid("survey-period-not-ended");
        }
        SkmResult result = results(tenant, period);
        if (result.published()) {
            throw GeraiException.conflict("survey-period-published");
        }
        if (result.total().ikm().empty()) {
            throw GeraiException.invalid("survey-period-empty");
        }
        if (result.followUps().isEmpty()) {
            throw GeraiException.invalid("survey-followup-required");
        }
        Ikm ikm = result.total().ikm();
        TenantContext.run(tenant, () -> tx.executeWithoutResult(s -> {
            if (!repo.insertPublication(tenant, period, me.accountId(), ikm.respondents(), ikm.ikm(), ikm.converted(), ikm.grade())) {
                throw GeraiException.conflict("survey-period-published");
            }
            Map<String, Object> after = new LinkedHashMap<>();
            after.put("period", period.toString());
            after.put("respondents", ikm.respondents());
            after.put("ikm", ikm.ikm().toPlainString());
            after.put("converted", ikm.converted().toPlainString());
            after.put("grade", ikm.grade().name());
            after.put("provisional", result.total().provisional());
            after.put("followUps", result.followUps().size());
            audit.record(AuditEvent.of(tenant, "survey.period.published", "survey_publication", period.toString(), null, after));
        }));
        return results(tenant, period);
    }
}
