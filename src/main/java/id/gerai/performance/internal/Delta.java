package id.gerai.performance.internal;

import id.gerai.application.ApplicationStatus;
import id.gerai.application.ApplicationStatusChanged;
import id.gerai.complaint.ComplaintAnswered;
import id.gerai.complaint.ComplaintFiled;
import id.gerai.platform.TenantId;
import id.gerai.survey.SurveyAnswered;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.ToIntBiFunction;

/**
 * One row of {@code perf_delta}: what one event adds to the figures of one day, agency, service and service point,
 * and how it moves the count of open applications. Made the same way by the listeners (inside the event's
 * transaction) and by a rebuild (from the replayed events), so both give the same figures.
 */
record Delta(TenantId tenant, LocalDate day, UUID agency, UUID service, UUID point, boolean fig, int received,
             int completed, int rejected, int withdrawn, int corrections, int decided, int onTime, Integer workDays,
             int chOnline, int chMpp, int chMall, int chVillage, int ikmN, int[] ikm, int complaints, int answered,
             int answeredOnTime, int openN, Instant openDue) {

    static final UUID NIL = new UUID(0, 0);
    /** The due time of an application waiting for the citizen's correction: its clock is paused, never overdue. */
    static final Instant PAUSED = Instant.parse("9999-12-31T00:00:00Z");

    private static Delta empty(TenantId tenant, LocalDate day, UUID agency, UUID service, UUID point) {
        return new Delta(tenant, day, nil(agency), nil(service), nil(point), true, 0, 0, 0, 0, 0, 0, 0, null, 0, 0, 0, 0,
                0, null, 0, 0, 0, 0, null);
    }

    private static UUID nil(UUID id) {
        return id == null ? NIL : id;
    }

    /**
     * The deltas of one status change (none for a change that moves no figure).
     *
     * @param workingDays working days between two dates in the tenant's calendar (exclusive, inclusive)
     */
    static List<Delta> of(ApplicationStatusChanged e, ZoneId zone, ToIntBiFunction<LocalDate, LocalDate> workingDays) {
        LocalDate day = LocalDate.ofInstant(e.at(), zone);
        Delta base = empty(e.tenant(), day, e.agencyId(), e.serviceId(), e.servicePointId());
        ApplicationStatus from = e.from();
        ApplicationStatus to = e.to();
        List<Delta> out = new ArrayList<>(2);
        if (from == ApplicationStatus.DRAFT && to == ApplicationStatus.IN_PROCESS) {
            out.add(base.received(e).open(1, e.dueAt()));
        } else if (from == ApplicationStatus.IN_PROCESS && to == ApplicationStatus.CORRECTION) {
            out.add(base.corrected().open(-1, e.dueAt()));
            out.add(base.moveOnly(1, PAUSED));
        } else if (from == ApplicationStatus.CORRECTION && to == ApplicationStatus.IN_PROCESS) {
            out.add(base.moveOnly(-1, PAUSED));
            out.add(base.moveOnly(1, e.dueAt()));
        } else if (from.open() && to.closed()) {
            Instant openDue = from == ApplicationStatus.CORRECTION ? PAUSED : e.dueAt();
            if (to == ApplicationStatus.WITHDRAWN) {
                out.add(base.withWithdrawn().open(-1, openDue));
            } else {
                Instant decided = e.decidedAt() != null ? e.decidedAt() : e.at();
                boolean onTime = e.dueAt() == null || !decided.isAfter(e.dueAt());
                int days = e.submittedAt() == null ? 0
                        : workingDays.applyAsInt(LocalDate.ofInstant(e.submittedAt(), zone), LocalDate.ofInstant(decided, zone));
                out.add(base.decided(to == ApplicationStatus.COMPLETED, onTime, days).open(-1, openDue));
            }
        }
        return out;
    }

    static Delta of(SurveyAnswered e) {
        int[] answers = e.answers().stream().mapToInt(Integer::intValue).toArray();
        Delta b = empty(e.tenant(), e.answeredOn(), e.agencyId(), e.serviceId(), e.servicePointId());
        return new Delta(b.tenant, b.day, b.agency, b.service, b.point, true, 0, 0, 0, 0, 0, 0, 0, null, 0, 0, 0, 0, 1,
                answers, 0, 0, 0, 0, null);
    }

    static Delta of(ComplaintFiled e, ZoneId zone) {
        Delta b = empty(e.tenant(), LocalDate.ofInstant(e.filedAt(), zone), e.agencyId(), e.serviceId(), e.servicePointId());
        return new Delta(b.tenant, b.day, b.agency, b.service, b.point, true, 0, 0, 0, 0, 0, 0, 0, null, 0, 0, 0, 0, 0,
                null, 1, 0, 0, 0, null);
    }

    static Delta of(ComplaintAnswered e, ZoneId zone) {
        Delta b = empty(e.tenant(), LocalDate.ofInstant(e.answeredAt(), zone), e.agencyId(), e.serviceId(), e.servicePointId());
        return new Delta(b.tenant, b.day, b.agency, b.service, b.point, true, 0, 0, 0, 0, 0, 0, 0, null, 0, 0, 0, 0, 0,
                null, 0, 1, e.onTime() ? 1 : 0, 0, null);
    }

    private Delta received(ApplicationStatusChanged e) {
        return new Delta(tenant, day, agency, service, point, true, 1, 0, 0, 0, 0, 0, 0, null,
                e.channel() == id.gerai.application.Channel.ONLINE ? 1 : 0,
                e.channel() == id.gerai.application.Channel.MPP_COUNTER ? 1 : 0,
                e.channel() == id.gerai.application.Channel.MALL_COUNTER ? 1 : 0,
                e.channel() == id.gerai.application.Channel.VILLAGE_OFFICE ? 1 : 0, 0, null, 0, 0, 0, 0, null);
    }

    private Delta corrected() {
        return new Delta(tenant, day, agency, service, point, true, 0, 0, 0, 0, 1, 0, 0, null, 0, 0, 0, 0, 0, null, 0, 0,
                0, 0, null);
    }

    private Delta withWithdrawn() {
        return new Delta(tenant, day, agency, service, point, true, 0, 0, 0, 1, 0, 0, 0, null, 0, 0, 0, 0, 0, null, 0, 0,
                0, 0, null);
    }

    private Delta decided(boolean completed, boolean onTime, int days) {
        return new Delta(tenant, day, agency, service, point, true, 0, completed ? 1 : 0, completed ? 0 : 1, 0, 0, 1,
                onTime ? 1 : 0, days, 0, 0, 0, 0, 0, null, 0, 0, 0, 0, null);
    }

    private Delta moveOnly(int n, Instant due) {
        return new Delta(tenant, day, agency, service, point, false, 0, 0, 0, 0, 0, 0, 0, null, 0, 0, 0, 0, 0, null, 0, 0,
                0, n, due == null ? PAUSED : due);
    }

    private Delta open(int n, Instant due) {
        return new Delta(tenant, day, agency, service, point, fig, received, completed, rejected, withdrawn, corrections,
                decided, onTime, workDays, chOnline, chMpp, chMall, chVillage, ikmN, ikm, complaints, answered,
                answeredOnTime, n, due == null ? PAUSED : due);
    }
}
