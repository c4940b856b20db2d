package id.gerai.survey;

import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A survey period: a year ({@code 2026}), a semester ({@code 2026-S1}) or a quarter ({@code 2026-Q3}).
 *
 * @param part 0 for a year, else the semester (1-2) or quarter (1-4)
 */
public record Period(int year, Kind kind, int part) {

    public enum Kind { YEAR, SEMESTER, QUARTER }

    private static final Pattern FORMAT = Pattern.compile("^(\\d{4})(?:-([QS])([1-4]))?$");

    public Period {
        if (year < 2000 || year > 2999) {
            throw new IllegalArgumentException("year " + year);
        }
        int max = switch (kind) {
            case YEAR -> 0;
            case SEMESTER -> 2;
            case QUARTER -> 4;
        };
        if (kind == Kind.YEAR ? part != 0 : part < 1 || part > max) {
            throw new IllegalArgumentException("part " + part);
        }
    }

    public static Period year(int year) {
        return new Period(year, Kind.YEAR, 0);
    }

    public static Period quarter(int year, int quarter) {
        return new Period(year, Kind.QUARTER, quarter);
    }

    public static Period semester(int year, int semester) {
        return new Period(year, Kind.SEMESTER, semester);
    }

    /** The quarter holding {@code day}. */
    public static Period quarterOf(LocalDate day) {
        return quarter(day.getYear(), (day.getMonthValue() - 1) / 3 + 1);
    }

    /** {@code 2026}, {@code 2026-S1} or {@code 2026-Q3}; empty for anything else. */
    public static Optional<Period> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher m = FORMAT.matcher(text.strip().toUpperCase());
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            int year = Integer.parseInt(m.group(1));
            if (m.group(2) == null) {
                return Optional.of(year(year));
            }
            int part = Integer.parseInt(m.group(3));
            return Optional.of(m.group(2).equals("Q") ? quarter(year, part) : semester(year, part));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The first day. */
    public LocalDate from() {
        return switch (kind) {
            case YEAR -> LocalDate.of(year, 1, 1);
            case SEMESTER -> LocalDate.of(year, part == 1 ? 1 : 7, 1);
            case QUARTER -> LocalDate.of(year, (part - 1) * 3 + 1, 1);
        };
    }

    /** The first day after it. */
    public LocalDate until() {
        return switch (kind) {
            case YEAR -> from().plusYears(1);
            case SEMESTER -> from().plusMonths(6);
            case QUARTER -> from().plusMonths(3);
        };
    }

    /** Whether the period is over on {@code today}: its figures no longer change. */
    public boolean endedBy(LocalDate today) {
        return !today.isBefore(until());
    }

    /** The message key of its name ({@code survey.period.QUARTER}: "Triwulan {1} {0}"), with {@link #year()} and {@link #part()}. */
    public String key() {
        return "survey.period." + kind.name();
    }

    @Override
    public String toString() {
        return switch (kind) {
            case YEAR -> String.valueOf(year);
            case SEMESTER -> year + "-S" + part;
            case QUARTER -> year + "-Q" + part;
        };
    }
}
