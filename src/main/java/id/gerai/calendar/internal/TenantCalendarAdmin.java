package id.gerai.calendar.internal;

import id.gerai.audit.AuditEvent;
import id.gerai.audit.AuditLog;
import id.gerai.platform.GeraiException;
import id.gerai.platform.InvalidInput;
import id.gerai.platform.TenantContext;
import id.gerai.platform.TenantId;
import id.gerai.tenancy.Tenant;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The MPP manager's changes to a tenant's calendar: regional holidays, special working days, and the working
 * week, close of business and zone. Input is checked completely before anything is written; each change is
 * written with its audit record in one transaction, entered in the tenant's scope first.
 */
@Service
class TenantCalendarAdmin {

    /** What a person or API client sends for a new day; strings, so that bad input gets a field message. */
    record DayInput(String date, String kind, String name) {
    }

    record SettingsInput(List<String> days, String closeTime, String zone) {
    }

    private final CalendarRepository repository;
    private final CalendarData data;
    private final CachedWorkingCalendar cache;
    private final AuditLog audit;
    private final TransactionTemplate tx;

    TenantCalendarAdmin(CalendarRepository repository, CalendarData data, CachedWorkingCalendar cache, AuditLog audit,
                        TransactionTemplate tx) {
        this.repository = repository;
        this.data = data;
        this.cache = cache;
        this.audit = audit;
        this.tx = tx;
    }

    TenantDay addDay(TenantId tenant, DayInput input) {
        Tenant t = data.requireTenant(tenant);
        var errors = new InvalidInput.Collector();
        LocalDate date = CalendarInput.date(errors, "date", input.date());
        DayKind kind = DayKind.parse(input.kind(), false);
        if (kind == null) {
            errors.add("kind", "calendar.kind-invalid");
        }
        String name = CalendarInput.name(errors, "name", input.name(), false);
        errors.throwIfAny();
        TenantDay day = new TenantDay(date, kind, name);
        return TenantContext.call(tenant, () -> tx.execute(s -> {
            if (repository.tenantDay(tenant, date).isPresent()) {
                throw InvalidInput.of("date", "calendar.date-taken");
            }
            if (kind == DayKind.SPECIAL_WORKING_DAY) {
                CalendarSettings settings = repository.settings(tenant).orElseGet(() -> CalendarSettings.defaultsFor(t.regionCode()));
                boolean nationalHoliday = repository.nationalHoliday(date).isPresent();
                if (!nationalHoliday && settings.week().contains(date.getDayOfWeek())) {
                    throw InvalidInput.of("date", "calendar.already-working");
                }
            }
            if (!repository.insertTenantDay(tenant, day)) {
                throw InvalidInput.of("date", "calendar.date-taken");
            }
            audit.record(AuditEvent.of(tenant, "calendar.day.added", "tenant-day", date, null, values(day)));
            cache.invalidateAfterCommit(tenant);
            return day;
        }));
    }

    /** @throws GeraiException 404 {@code calendar-day-not-found} when the tenant has no day on that date */
    TenantDay removeDay(TenantId tenant, LocalDate date) {
        data.requireTenant(tenant);
        return TenantContext.call(tenant, () -> tx.execute(s -> {
            TenantDay removed = repository.deleteTenantDay(tenant, date)
                    .orElseThrow(() -> GeraiException.notFound("calendar-day-not-found"));
            audit.record(AuditEvent.of(tenant, "calendar.day.removed", "tenant-day", date, values(removed), null));
            cache.invalidateAfterCommit(tenant);
            return removed;
        }));
    }

    CalendarSettings changeSettings(TenantId tenant, SettingsInput input) {
        Tenant t = data.requireTenant(tenant);
        var errors = new InvalidInput.Collector();
        EnumSet<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        for (String d : input.days() == null ? List.<String>of() : input.days()) {
            try {
                days.add(DayOfWeek.valueOf(d.strip()));
            } catch (IllegalArgumentException | NullPointerException e) {
                errors.add("days", "calendar.week-invalid");
            }
        }
        if (days.isEmpty()) {
            errors.add("days", "calendar.week-empty");
        }
        LocalTime close = null;
        try {
            close = LocalTime.parse(input.closeTime() == null ? "" : input.closeTime().strip());
        } catch (DateTimeParseException e) {
            errors.add("closeTime", "calendar.close-invalid");
        }
        ZoneId zone = CalendarSettings.ZONES.stream().filter(z -> z.getId().equals(input.zone())).findFirst().orElse(null);
        if (zone == null) {
            errors.add("zone", "calendar.zone-invalid");
        }
        errors.throwIfAny();
        CalendarSettings wanted = new CalendarSettings(new WorkingWeek(days), close, zone);
        return TenantContext.call(tenant, () -> tx.execute(s -> {
            var saved = repository.settings(tenant);
            CalendarSettings before = saved.orElseGet(() -> CalendarSettings.defaultsFor(t.regionCode()));
            if (saved.isPresent() && before.equals(wanted)) {
                return wanted; // nothing changed, nothing to record
            }
            repository.saveSettings(tenant, wanted);
            audit.record(AuditEvent.of(tenant, "calendar.settings.changed", "tenant-calendar", tenant, values(before), values(wanted)));
            cache.invalidateAfterCommit(tenant);
            return wanted;
        }));
    }

    static Map<String, Object> values(TenantDay day) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("date", day.date().toString());
        v.put("kind", day.kind().name());
        v.put("name", day.name());
        return v;
    }

    static Map<String, Object> values(CalendarSettings s) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("workingDays", s.week().ordered().stream().map(DayOfWeek::name).toList());
        v.put("closeTime", s.closeTime().toString());
        v.put("zone", s.zone().getId());
        return v;
    }
}
