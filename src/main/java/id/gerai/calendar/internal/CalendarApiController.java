package id.gerai.calendar.internal;

import id.gerai.identity.CurrentUser;
import id.gerai.identity.Role;
import id.gerai.platform.GeraiException;
import id.gerai.platform.InvalidInput;
import id.gerai.tenancy.Tenant;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A tenant's calendar and deadlines (public), and its regional holidays and special working days (MPP manager). */
@Tag(name = "Calendar", description = "Working days, holidays and service deadlines of a tenant")
@RestController
class CalendarApiController {

    /** Limits beyond a year of working days are not service limits; refusing them keeps answers quick. */
    static final int MAX_DAYS = 1000;

    record CalendarDto(String tenant, int year, String zone, String closeTime, List<DayOfWeek> workingWeek,
                       int workingDays, boolean nationalHolidaysKnown, List<DayDto> days) {
    }

    record DayDto(LocalDate date, DayKind kind, String label, String name, String decree, String source, boolean working) {
    }

    record DeadlineDto(LocalDate completedDate, int days, LocalDate dueDate, Instant due, String zone, String closeTime) {
    }

    record TenantDayDto(LocalDate date, DayKind kind, String name) {
    }

    record NewDayRequest(String date, String kind, String name) {
    }

    private final CalendarData data;
    private final CachedWorkingCalendar calendars;
    private final TenantCalendarAdmin admin;
    private final MessageSource messages;

    CalendarApiController(CalendarData data, CachedWorkingCalendar calendars, TenantCalendarAdmin admin, MessageSource messages) {
        this.data = data;
        this.calendars = calendars;
        this.admin = admin;
        this.messages = messages;
    }

    @Operation(summary = "A year of the tenant's calendar",
            description = "The working week, close of business and zone, and the national holidays, cuti bersama, "
                    + "regional holidays and special working days of the year, merged by date and labelled in the "
                    + "caller's language. `working` says whether the date is a working day in the end.")
    @GetMapping("/api/tenants/{tenant}/calendar")
    CalendarDto year(@RequestAttribute(CalendarPages.TENANT) Tenant tenant,
                     @Parameter(description = "2000 to 2100; this year when absent") @RequestParam(required = false) String year) {
        CalendarData.Snapshot snapshot = data.load(tenant.id());
        int y = LocalDate.now(snapshot.settings().zone()).getYear();
        if (year != null) {
            var errors = new InvalidInput.Collector();
            Integer asked = CalendarInput.year(errors, "year", year);
            errors.throwIfAny();
            y = asked;
        }
        CalendarYear view = CalendarYear.of(snapshot, y);
        Locale locale = LocaleContextHolder.getLocale();
        List<DayDto> days = view.days().stream()
                .map(d -> new DayDto(d.date(), d.kind(), messages.getMessage("calendar.kind." + d.kind().name(), null, locale),
                        d.name(), d.decree(), d.national() ? "NATIONAL" : "TENANT", d.working()))
                .toList();
        CalendarSettings s = view.settings();
        return new CalendarDto(tenant.slug(), y, s.zone().getId(), s.closeTime().toString(), s.week().ordered(),
                view.workingDays(), view.nationalKnown(), days);
    }

    @Operation(summary = "The deadline of a limit in working days",
            description = "Counting starts on the working day after the application became complete; the deadline "
                    + "is the close of business of the last day, in the tenant's zone. `completed` is a date "
                    + "(2026-03-17) or a timestamp with offset (2026-03-17T10:15:00+07:00).")
    @GetMapping("/api/tenants/{tenant}/calendar/deadline")
    DeadlineDto deadline(@RequestAttribute(CalendarPages.TENANT) Tenant tenant,
                         @RequestParam(required = false) String completed,
                         @Parameter(description = "working days, 0 to " + MAX_DAYS) @RequestParam(required = false) String days) {
        var errors = new InvalidInput.Collector();
        Instant completedAt = null;
        LocalDate completedDate = null;
        if (completed == null || completed.isBlank()) {
            errors.add("completed", "calendar.date-required");
        } else {
            try {
                completedDate = LocalDate.parse(completed.strip());
            } catch (DateTimeParseException notADate) {
                try {
                    completedAt = OffsetDateTime.parse(completed.strip()).toInstant();
                } catch (DateTimeParseException notATimestamp) {
                    errors.add("completed", "calendar.date-invalid");
                }
            }
        }
        Integer limit = null;
        try {
            limit = Integer.valueOf(days == null ? "" : days.strip());
            if (limit < 0 || limit > MAX_DAYS) {
                errors.add("days", "calendar.days-range");
            }
        } catch (NumberFormatException e) {
            errors.add("days", "calendar.days-range");
        }
        errors.throwIfAny();
        TenantCalendar calendar = calendars.calendar(tenant.id());
        var zone = calendar.settings().zone();
        if (completedAt == null) {
            completedAt = completedDate.atStartOfDay(zone).toInstant();
        }
        if (completedDate == null) {
            completedDate = completedAt.atZone(zone).toLocalDate();
        }
        int y = completedDate.getYear();
        if (y < CalendarInput.MIN_YEAR || y > CalendarInput.MAX_YEAR) {
            throw InvalidInput.of("completed", "calendar.year-range");
        }
        Instant due = calendar.deadline(completedAt, limit);
        return new DeadlineDto(completedDate, limit, due.atZone(zone).toLocalDate(), due, zone.getId(),
                calendar.settings().closeTime().toString());
    }

    @Operation(summary = "Add a regional holiday or special working day (MPP manager of the tenant)")
    @PostMapping("/api/tenants/{tenant}/calendar/days")
    ResponseEntity<TenantDayDto> addDay(@RequestAttribute(CalendarPages.TENANT) Tenant tenant, @RequestBody NewDayRequest body) {
        CurrentUser.requireTenantRole(tenant.id(), Role.PENGELOLA_MPP);
        NewDayRequest b = body == null ? new NewDayRequest(null, null, null) : body;
        TenantDay day = admin.addDay(tenant.id(), new TenantCalendarAdmin.DayInput(b.date(), b.kind(), b.name()));
        return ResponseEntity.created(URI.create("/api/tenants/" + tenant.slug() + "/calendar/days/" + day.date()))
                .body(new TenantDayDto(day.date(), day.kind(), day.name()));
    }

    @Operation(summary = "Remove a regional holiday or special working day (MPP manager of the tenant)")
    @DeleteMapping("/api/tenants/{tenant}/calendar/days/{date}")
    ResponseEntity<Void> removeDay(@RequestAttribute(CalendarPages.TENANT) Tenant tenant, @PathVariable String date) {
        CurrentUser.requireTenantRole(tenant.id(), Role.PENGELOLA_MPP);
        var errors = new InvalidInput.Collector();
        LocalDate d = CalendarInput.date(errors, "date", date);
        if (d == null) {
            throw GeraiException.notFound("calendar-day-not-found");
        }
        admin.removeDay(tenant.id(), d);
        return ResponseEntity.noContent().build();
    }
}
