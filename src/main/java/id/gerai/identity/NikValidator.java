package id.gerai.identity;

import id.gerai.region.RegionApi;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Checks a NIK as DOMAIN.md says: 16 digits; a known province; a real birth date once 40 is taken off
 * the day for women; serial not {@code 0000}. There is no check digit, so a well-formed NIK can still
 * be someone else's: this only catches typing mistakes.
 */
@Component
public class NikValidator {

    private final RegionApi regions;

    NikValidator(RegionApi regions) {
        this.regions = regions;
    }

    public NikCheck check(String raw) {
        String nik = raw == null ? "" : raw.strip();
        List<String> errors = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        if (!nik.matches("\\d{16}")) {
            errors.add("format");
            return new NikCheck(nik, errors, warnings, null, false);
        }
        String province = nik.substring(0, 2);
        if (!regions.provinceExists(province)) {
            errors.add("province");
        } else {
            String regency = province + "." + nik.substring(2, 4);
            if (regions.find(regency).isEmpty()) {
                warnings.add("regency-unknown");
            } else if (regions.find(regency + "." + nik.substring(4, 6)).isEmpty()) {
                warnings.add("district-unknown");
            }
        }
        int day = Integer.parseInt(nik.substring(6, 8));
        int month = Integer.parseInt(nik.substring(8, 10));
        int yy = Integer.parseInt(nik.substring(10, 12));
        boolean female = day > 40;
        LocalDate birth = birthDate(female ? day - 40 : day, month, yy);
        if (birth == null) {
            errors.add("birth-date");
        }
        if (nik.endsWith("0000")) {
            errors.add("serial");
        }
        return new NikCheck(nik, List.copyOf(errors), List.copyOf(warnings), errors.isEmpty() ? birth : null, female);
    }

    /** The NIK does not say the century: take the most recent year that is not in the future. */
    private static LocalDate birthDate(int day, int month, int yy) {
        LocalDate today = LocalDate.now();
        for (int century : new int[] {2000, 1900}) {
            try {
                LocalDate d = LocalDate.of(century + yy, month, day);
                if (!d.isAfter(today)) {
                    return d;
                }
            } catch (DateTimeException e) {
                // not a real date in this century (29 February); try the other
            }
        }
        return null;
    }
}
