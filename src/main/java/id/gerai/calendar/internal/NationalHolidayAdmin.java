package id.gerai.calendar.internal;

import id.gerai.audit.AuditEvent;
import id.gerai.audit.AuditLog;
import id.gerai.platform.GeraiException;
import id.gerai.platform.InvalidInput;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The platform admin's changes to the national holidays and cuti bersama, which are data because a decree can
 * move them (Islamic holidays follow the sighting of the moon). Installation-wide: audited without a tenant.
 */
@Service
class NationalHolidayAdmin {

    record HolidayInput(String date, String kind, String name, String decree) {
    }

    private final CalendarRepository repository;
    private final CachedWorkingCalendar cache;
    private final AuditLog audit;
    private final TransactionTemplate tx;

    NationalHolidayAdmin(CalendarRepository repository, CachedWorkingCalendar cache, AuditLog audit, TransactionTemplate tx) {
        this.repository = repository;
        this.cache = cache;
        this.audit = audit;
        this.tx = tx;
    }

    List<NationalHoliday> ofYear(int year) {
        return repository.nationalHolidays().stream().filter(h -> h.date().getYear() == year).toList();
    }

    NationalHoliday add(HolidayInput input) {
        var errors = new InvalidInput.Collector();
        LocalDate date = CalendarInput.date(errors, "date", input.date());
        DayKind kind = DayKind.parse(input.kind(), true);
        if (kind == null) {
            errors.add("kind", "calendar.kind-invalid");
        }
        String name = CalendarInput.name(errors, "name", input.name(), false);
        String decree = CalendarInput.name(errors, "decree", input.decree(), true);
        errors.throwIfAny();
        NationalHoliday holiday = new NationalHoliday(date, kind, name, decree);
        return tx.execute(s -> {
            if (!repository.insertNationalHoliday(holiday)) {
                throw InvalidInput.of("date", "calendar.date-taken");
            }
            audit.record(AuditEvent.of(null, "calendar.holiday.added", "holiday", date, null, values(holiday)));
            cache.invalidateAllAfterCommit();
            return holiday;
        });
    }

    /** @throws GeraiException 404 {@code holiday-not-found} when no holiday is on that date */
    NationalHoliday remove(LocalDate date) {
        return tx.execute(s -> {
            NationalHoliday removed = repository.deleteNationalHoliday(date)
                    .orElseThrow(() -> GeraiException.notFound("holiday-not-found"));
            audit.record(AuditEvent.of(null, "calendar.holiday.removed", "holiday", date, values(removed), null));
            cache.invalidateAllAfterCommit();
            return removed;
        });
    }

    private static Map<String, Object> values(NationalHoliday h) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("date", h.date().toString());
        v.put("kind", h.kind().name());
        v.put("name", h.name());
        v.put("decree", h.decree());
        return v;
    }
}
