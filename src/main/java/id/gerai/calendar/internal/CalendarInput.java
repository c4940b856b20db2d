package id.gerai.calendar.internal;

import id.gerai.platform.InvalidInput;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * Checks of what people type: dates as {@code yyyy-MM-dd} (what {@code <input type="date">} sends), years
 * within the range Gerai keeps calendars for, and names. Failures become field errors (message keys).
 */
final class CalendarInput {

    static final int MIN_YEAR = 2000;
    static final int MAX_YEAR = 2100;
    static final int MAX_NAME = 200;

    private CalendarInput() {
    }

    /** The date in {@code value}, or null after adding an error for {@code field}. */
    static LocalDate date(InvalidInput.Collector errors, String field, String value) {
        if (value == null || value.isBlank()) {
            errors.add(field, "calendar.date-required");
            return null;
        }
        LocalDate date;
        try {
            date = LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            errors.add(field, "calendar.date-invalid");
            return null;
        }
        if (date.getYear() < MIN_YEAR || date.getYear() > MAX_YEAR) {
            errors.add(field, "calendar.year-range");
            return null;
        }
        return date;
    }

    /** The year in {@code value}, or null after adding an error for {@code field}. */
    static Integer year(InvalidInput.Collector errors, String field, String value) {
        try {
            int year = Integer.parseInt(value == null ? "" : value.strip());
            if (year >= MIN_YEAR && year <= MAX_YEAR) {
                return year;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        errors.add(field, "calendar.year-range");
        return null;
    }

    /** The stripped name, required unless {@code optional}; null when absent or after an error. */
    static String name(InvalidInput.Collector errors, String field, String value, boolean optional) {
        String name = value == null ? "" : value.strip();
        if (name.isEmpty()) {
            if (!optional) {
                errors.add(field, "calendar.name-required");
            }
            return null;
        }
        if (name.length() > MAX_NAME) {
            errors.add(field, "calendar.name-too-long");
            return null;
        }
        return name;
    }
}
