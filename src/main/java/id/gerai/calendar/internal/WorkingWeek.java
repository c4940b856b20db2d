package id.gerai.calendar.internal;

import java.time.DayOfWeek;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The weekdays a tenant works, never empty (a week without working days would make every deadline endless).
 * Stored as ISO day numbers (1 = Monday … 7 = Sunday).
 */
record WorkingWeek(Set<DayOfWeek> days) {

    static final WorkingWeek MONDAY_TO_FRIDAY = new WorkingWeek(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY));

    WorkingWeek {
        if (days == null || days.isEmpty()) {
            throw new IllegalArgumentException("a working week needs at least one day");
        }
        days = Set.copyOf(EnumSet.copyOf(days));
    }

    static WorkingWeek ofIsoNumbers(Collection<? extends Number> numbers) {
        EnumSet<DayOfWeek> set = EnumSet.noneOf(DayOfWeek.class);
        numbers.forEach(n -> set.add(DayOfWeek.of(n.intValue())));
        return new WorkingWeek(set);
    }

    boolean contains(DayOfWeek day) {
        return days.contains(day);
    }

    /** Monday first, as the pages and the API list them. */
    public List<DayOfWeek> ordered() { // public: templates call it
        return EnumSet.copyOf(days).stream().toList();
    }

    Integer[] isoNumbers() {
        return ordered().stream().map(DayOfWeek::getValue).toArray(Integer[]::new);
    }
}
