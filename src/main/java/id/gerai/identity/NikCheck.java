package id.gerai.identity;

import java.time.LocalDate;
import java.util.List;

/**
 * The outcome of checking a NIK. {@code errors} make it invalid; {@code warnings} (an unknown
 * kabupaten/kecamatan code, since codes change) do not. Items are message-key suffixes under {@code nik.}.
 *
 * @param birthDate the birth date with the century guessed (the NIK does not carry it); null when invalid
 * @param female    whether 40 was added to the day
 */
public record NikCheck(String nik, List<String> errors, List<String> warnings, LocalDate birthDate, boolean female) {

    public boolean valid() {
        return errors.isEmpty();
    }
}
