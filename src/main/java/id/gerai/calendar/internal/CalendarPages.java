package id.gerai.calendar.internal;

import id.gerai.identity.CurrentUser;
import id.gerai.identity.Role;
import id.gerai.platform.GeraiException;
import id.gerai.platform.InvalidInput;
import id.gerai.tenancy.Tenant;
import jakarta.servlet.http.HttpServletResponse;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The MPP manager's calendar page ({@code /manage/{tenant}/calendar}) and the platform admin's national
 * holidays ({@code /platform/calendar}; the security configuration admits only the platform admin there).
 * Plain forms that work without JavaScript; a bad entry is shown again with a message next to the field.
 */
@Controller
class CalendarPages {

    static final String TENANT = "geraiTenant";
    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");
    private static final List<DayKind> TENANT_KINDS = List.of(DayKind.REGIONAL_HOLIDAY, DayKind.SPECIAL_WORKING_DAY);
    private static final List<DayKind> NATIONAL_KINDS = List.of(DayKind.NATIONAL_HOLIDAY, DayKind.CUTI_BERSAMA);

    record DayForm(String date, String kind, String name) {
    }

    record SettingsForm(List<String> days, String closeTime, String zone) {
    }

    record HolidayForm(String date, String kind, String name, String decree) {
    }

    private final CalendarData data;
    private final TenantCalendarAdmin tenantAdmin;
    private final NationalHolidayAdmin nationalAdmin;

    CalendarPages(CalendarData data, TenantCalendarAdmin tenantAdmin, NationalHolidayAdmin nationalAdmin) {
        this.data = data;
        this.tenantAdmin = tenantAdmin;
        this.nationalAdmin = nationalAdmin;
    }

    // --- MPP manager -----------------------------------------------------------------------------------

    @GetMapping("/manage/{tenant}/calendar")
    String manage(@RequestAttribute(TENANT) Tenant tenant, @RequestParam(required = false) String year, Model model,
                  HttpServletResponse response) {
        CurrentUser.requireTenantRole(tenant.id(), Role.PENGELOLA_MPP);
        CalendarData.Snapshot snapshot = data.load(tenant.id());
        int shown = year(year, snapshot.settings().zone(), model, response);
        fillManage(snapshot, shown, model);
        return "calendar/manage";
    }

    @PostMapping("/manage/{tenant}/calendar/days")
    String addDay(@RequestAttribute(TENANT) Tenant tenant, @ModelAttribute DayForm form, Model model,
                  HttpServletResponse response, RedirectAttributes redirect) {
        CurrentUser.requireTenantRole(tenant.id(), Role.PENGELOLA_MPP);
        try {
            TenantDay day = tenantAdmin.addDay(tenant.id(), new TenantCalendarAdmin.DayInput(form.date(), form.kind(), form.name()));
            notice(redirect, "calendar.day-added", day.name(), day.date());
            return "redirect:/manage/" + tenant.slug() + "/calendar?year=" + day.date().getYear();
        } catch (InvalidInput e) {
            return invalidManage(tenant, yearOf(form.date()), model, response, "dayErrors", e.fields(), "dayForm", form);
        }
    }

    @PostMapping("/manage/{tenant}/calendar/days/remove")
    String removeDay(@RequestAttribute(TENANT) Tenant tenant, @RequestParam(required = false) String date,
                     RedirectAttributes redirect) {
        CurrentUser.requireTenantRole(tenant.id(), Role.PENGELOLA_MPP);
        LocalDate day = dateOrNotFound(date, "calendar-day-not-found");
        try {
            TenantDay removed = tenantAdmin.removeDay(tenant.id(), day);
            notice(redirect, "calendar.day-removed", removed.name(), removed.date());
        } catch (GeraiException e) {
            if (e.status().value() != 404) {
                throw e;
            }
            notice(redirect, "calendar.day-already-removed", "", day); // a second click on the same button
        }
        return "redirect:/manage/" + tenant.slug() + "/calendar?year=" + day.getYear();
    }

    @PostMapping("/manage/{tenant}/calendar/settings")
    String changeSettings(@RequestAttribute(TENANT) Tenant tenant, @ModelAttribute SettingsForm form,
                          @RequestParam(required = false) String year, Model model, HttpServletResponse response,
                          RedirectAttributes redirect) {
        CurrentUser.requireTenantRole(tenant.id(), Role.PENGELOLA_MPP);
        try {
            tenantAdmin.changeSettings(tenant.id(), new TenantCalendarAdmin.SettingsInput(form.days(), form.closeTime(), form.zone()));
            notice(redirect, "calendar.settings-saved", "", null);
            return "redirect:/manage/" + tenant.slug() + "/calendar" + (validYear(year) ? "?year=" + year.strip() : "");
        } catch (InvalidInput e) {
            Integer y = validYear(year) ? Integer.valueOf(year.strip()) : null;
            return invalidManage(tenant, y, model, response, "settingsErrors", e.fields(), "settingsForm", form);
        }
    }

    private String invalidManage(Tenant tenant, Integer year, Model model, HttpServletResponse response, String errorsName,
                                 Map<String, String> errors, String formName, Object form) {
        CalendarData.Snapshot snapshot = data.load(tenant.id());
        model.addAttribute(errorsName, errors);
        model.addAttribute(formName, form);
        response.setStatus(422);
        fillManage(snapshot, year != null ? year : LocalDate.now(snapshot.settings().zone()).getYear(), model);
        return "calendar/manage";
    }

    private void fillManage(CalendarData.Snapshot snapshot, int year, Model model) {
        CalendarYear view = CalendarYear.of(snapshot, year);
        CalendarSettings settings = snapshot.settings();
        model.addAttribute("tenant", snapshot.tenant());
        model.addAttribute("view", view);
        model.addAttribute("year", year);
        model.addAttribute("years", years(year, settings.zone()));
        model.addAttribute("weekdays", DayOfWeek.values());
        model.addAttribute("zones", CalendarSettings.ZONES.stream().map(ZoneId::getId).toList());
        model.addAttribute("dayKinds", TENANT_KINDS);
        model.addAttribute("closeTime", settings.closeTime().format(HH_MM));
        if (!model.containsAttribute("dayForm")) {
            model.addAttribute("dayForm", new DayForm("", DayKind.REGIONAL_HOLIDAY.name(), ""));
        }
        if (!model.containsAttribute("settingsForm")) {
            model.addAttribute("settingsForm", new SettingsForm(settings.week().ordered().stream().map(DayOfWeek::name).toList(),
                    settings.closeTime().format(HH_MM), settings.zone().getId()));
        }
    }

    // --- platform admin --------------------------------------------------------------------------------

    @GetMapping("/platform/calendar")
    String platform(@RequestParam(required = false) String year, Model model, HttpServletResponse response) {
        int shown = year(year, CalendarSettings.WIB, model, response);
        fillPlatform(shown, model);
        return "calendar/platform";
    }

    @PostMapping("/platform/calendar/holidays")
    String addHoliday(@ModelAttribute HolidayForm form, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        try {
            NationalHoliday h = nationalAdmin.add(new NationalHolidayAdmin.HolidayInput(form.date(), form.kind(), form.name(), form.decree()));
            notice(redirect, "calendar.day-added", h.name(), h.date());
            return "redirect:/platform/calendar?year=" + h.date().getYear();
        } catch (InvalidInput e) {
            Integer y = yearOf(form.date());
            model.addAttribute("holidayErrors", e.fields());
            model.addAttribute("holidayForm", form);
            response.setStatus(422);
            fillPlatform(y != null ? y : LocalDate.now(CalendarSettings.WIB).getYear(), model);
            return "calendar/platform";
        }
    }

    @PostMapping("/platform/calendar/holidays/remove")
    String removeHoliday(@RequestParam(required = false) String date, RedirectAttributes redirect) {
        LocalDate day = dateOrNotFound(date, "holiday-not-found");
        try {
            NationalHoliday removed = nationalAdmin.remove(day);
            notice(redirect, "calendar.day-removed", removed.name(), removed.date());
        } catch (GeraiException e) {
            if (e.status().value() != 404) {
                throw e;
            }
            notice(redirect, "calendar.day-already-removed", "", day);
        }
        return "redirect:/platform/calendar?year=" + day.getYear();
    }

    private void fillPlatform(int year, Model model) {
        model.addAttribute("year", year);
        model.addAttribute("years", years(year, CalendarSettings.WIB));
        model.addAttribute("holidays", nationalAdmin.ofYear(year));
        model.addAttribute("holidayKinds", NATIONAL_KINDS);
        if (!model.containsAttribute("holidayForm")) {
            model.addAttribute("holidayForm", new HolidayForm("", DayKind.NATIONAL_HOLIDAY.name(), "", ""));
        }
    }

    // --- shared ----------------------------------------------------------------------------------------

    /** The year asked for, or this year (with a message next to the selector when the request was bad). */
    private static int year(String requested, ZoneId zone, Model model, HttpServletResponse response) {
        int current = LocalDate.now(zone).getYear();
        if (requested == null || requested.isBlank()) {
            return current;
        }
        var errors = new InvalidInput.Collector();
        Integer year = CalendarInput.year(errors, "year", requested);
        if (year == null) {
            model.addAttribute("yearErrors", Map.of("year", "calendar.year-range"));
            response.setStatus(422);
            return current;
        }
        return year;
    }

    /** The selector's years: the years with national holiday data, this year and the next, and the one shown. */
    private List<Integer> years(int shown, ZoneId zone) {
        int current = LocalDate.now(zone).getYear();
        TreeSet<Integer> years = new TreeSet<>(List.of(shown, current, current + 1));
        data.nationalYears().ifPresent(range -> {
            for (int y = range[0]; y <= range[1]; y++) {
                years.add(y);
            }
        });
        years.removeIf(y -> y < CalendarInput.MIN_YEAR || y > CalendarInput.MAX_YEAR);
        return List.copyOf(years);
    }

    private static boolean validYear(String year) {
        return CalendarInput.year(new InvalidInput.Collector(), "year", year) != null;
    }

    private static Integer yearOf(String date) {
        return CalendarInput.date(new InvalidInput.Collector(), "date", date) instanceof LocalDate d ? d.getYear() : null;
    }

    private static LocalDate dateOrNotFound(String date, String code) {
        LocalDate d = CalendarInput.date(new InvalidInput.Collector(), "date", date);
        if (d == null) {
            throw GeraiException.notFound(code);
        }
        return d;
    }

    private static void notice(RedirectAttributes redirect, String key, String name, LocalDate date) {
        redirect.addFlashAttribute("noticeKey", key);
        redirect.addFlashAttribute("noticeName", name);
        redirect.addFlashAttribute("noticeDate", date);
    }
}
