package id.gerai.queue.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * When a service point takes appointments: from {@code opensMin} to {@code closesMin} (minutes after the tenant's
 * midnight; 1440 is the end of the day) in slots of {@code slotMinutes}, each for at most {@code slotCapacity}
 * people. A slot must end by closing time.
 */
public record PointSettings(int opensMin, int closesMin, int slotMinutes, int slotCapacity) {

    /** Without a row of its own, a service point opens 08:00–15:00 in 30-minute slots of 4 people. */
    static final PointSettings DEFAULT = new PointSettings(8 * 60, 15 * 60, 30, 4);

    public List<Integer> slotStarts() {
        List<Integer> starts = new ArrayList<>();
        for (int s = opensMin; s + slotMinutes <= closesMin; s += slotMinutes) {
            starts.add(s);
        }
        return starts;
    }

    public String opens() {
        return clock(opensMin);
    }

    public String closes() {
        return clock(closesMin);
    }

    static String clock(int minutes) {
        return String.format("%02d:%02d", minutes / 60, minutes % 60);
    }

    /** {@code HH:mm} (or {@code 24:00}) as minutes; -1 when it is not a time. */
    static int parse(String s) {
        if (s == null || !s.strip().matches("\\d{1,2}:\\d{2}")) {
            return -1;
        }
        String[] p = s.strip().split(":");
        int h = Integer.parseInt(p[0]);
        int m = Integer.parseInt(p[1]);
        if (m > 59 || h > 24 || (h == 24 && m > 0)) {
            return -1;
        }
        return h * 60 + m;
    }
}
