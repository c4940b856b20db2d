package id.gerai.application.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The people of the demo applications: for each region a small pool of plausible residents (names common in
 * the province), each with a valid NIK of that region (its first kecamatan, birth date, sex, serial), a phone
 * number and an occupation. Everything is derived from the region code and the pool index, so a second run
 * produces the same people.
 */
final class DemoPeople {

    /** One resident. {@code email} is set for those who register online; walk-in citizens have none. */
    record Person(String name, boolean female, LocalDate birth, String nik, String phone, String occupation, String email) {

        String sex() {
            return female ? "P" : "L";
        }

        String firstName() {
            return name.split(" ")[0];
        }
    }

    private record Entry(String name, boolean female, String occupation) {
    }

    private static Entry m(String name, String occupation) {
        return new Entry(name, false, occupation);
    }

    private static Entry f(String name, String occupation) {
        return new Entry(name, true, occupation);
    }

    /** Residents by province code; the first {@link #ONLINE} register online, the others come to a counter. */
    private static final Map<String, List<Entry>> POOLS = Map.of(
            "36", List.of(m("Ahmad Fauzi", "Karyawan swasta"), f("Dewi Lestari", "Guru"), m("Rizky Pratama", "Wiraswasta"),
                    f("Nur Aisyah", "Perawat"), m("Budi Santoso", "Pedagang"), f("Intan Permatasari", "Karyawan swasta"),
                    m("Hendra Gunawan", "Sopir"), f("Yuliani", "Mengurus rumah tangga")),
            "35", List.of(m("Agus Setiawan", "Petani"), f("Sri Wahyuni", "Pedagang"), m("Bayu Aji Nugroho", "Pemandu wisata"),
                    f("Ratna Sari", "Bidan"), m("Eko Prasetyo", "Nelayan"), f("Lilis Suryani", "Penjahit"),
                    m("Slamet Riyadi", "Wiraswasta"), f("Siti Khotijah", "Mengurus rumah tangga")),
            "12", List.of(m("Parlindungan Siregar", "Petani"), f("Rosmawati Harahap", "Guru"), m("Ali Imran Nasution", "Pedagang"),
                    f("Nurhayati Lubis", "Bidan"), m("Baginda Pohan", "Wiraswasta"), f("Masdewi Hasibuan", "Petani"),
                    m("Irwansyah Daulay", "Sopir"), f("Fitri Rangkuti", "Perawat")),
            "71", List.of(m("Johanis Wenas", "Petani"), f("Meiske Rumengan", "Guru"), m("Stevanus Lumentut", "Wiraswasta"),
                    f("Grace Pangemanan", "Perawat"), m("Ferry Tumbelaka", "Nelayan"), f("Novita Mandagi", "Pedagang"),
                    m("Recky Sondakh", "Sopir"), f("Jeane Kalalo", "Bidan")),
            "61", List.of(m("Agustinus Jalung", "Petani karet"), f("Maria Imelda", "Guru"), m("Muhammad Yusuf", "Nelayan"),
                    f("Rosalina Endang", "Perawat"), m("Antonius Bujang", "Wiraswasta"), f("Siti Rahmah", "Pedagang"),
                    m("Hamdani", "Sopir"), f("Nurjannah", "Mengurus rumah tangga")));

    private static final List<Entry> DEFAULT_POOL = List.of(m("Andi Wijaya", "Karyawan swasta"), f("Ratna Dewi", "Guru"),
            m("Fajar Hidayat", "Wiraswasta"), f("Putri Maharani", "Perawat"), m("Joko Susilo", "Pedagang"),
            f("Sari Indah", "Karyawan swasta"), m("Dimas Saputra", "Sopir"), f("Wulan Anggraini", "Mengurus rumah tangga"));

    static final List<String> GIRLS = List.of("Aqila Putri Ramadhani", "Keisha Anindya", "Nayla Azzahra", "Alya Safitri");
    static final List<String> BOYS = List.of("Muhammad Alfarizi", "Raffa Putra Pratama", "Arkan Maulana", "Dafa Aditya");

    /** How many people a pool holds; the first {@link #ONLINE} register online. */
    static final int SIZE = 8;
    static final int ONLINE = 2;

    private DemoPeople() {
    }

    /**
     * Resident {@code index} of the region {@code regionCode} (e.g. {@code 36.71}) living in kecamatan
     * {@code districtCode} (e.g. {@code 36.71.01}).
     */
    static Person person(String districtCode, int index) {
        List<Entry> pool = POOLS.getOrDefault(districtCode.substring(0, 2), DEFAULT_POOL);
        Entry e = pool.get(index % pool.size());
        LocalDate birth = LocalDate.of(1968 + (index * 7) % 30, 1 + (index * 5) % 12, 3 + (index * 11) % 25);
        String nik = nik(districtCode, birth, e.female(), 101 + index);
        String email = index < ONLINE ? email(e.name(), POOLS.containsKey(districtCode.substring(0, 2)) ? null : districtCode) : null;
        return new Person(e.name(), e.female(), birth, nik, "0812" + nik.substring(8, 12) + nik.substring(12), e.occupation(), email);
    }

    /** A child of the region born on {@code birth} (its NIK only makes sense once it has one). */
    static Person child(String districtCode, int index, LocalDate birth) {
        boolean female = index % 2 == 0;
        String name = (female ? GIRLS : BOYS).get(index % 4);
        return new Person(name, female, birth, nik(districtCode, birth, female, 701 + index), null, "Belum bekerja", null);
    }

    /** A valid NIK: kecamatan code, birth day (+40 for women), month, two-digit year, serial (never 0000). */
    static String nik(String districtCode, LocalDate birth, boolean female, int serial) {
        return districtCode.replace(".", "") + String.format(Locale.ROOT, "%02d%02d%02d%04d",
                birth.getDayOfMonth() + (female ? 40 : 0), birth.getMonthValue(), birth.getYear() % 100, serial % 10_000);
    }

    /**
     * The login of a demo citizen: {@code first.last@gerai.local}. Outside the demo regions (tests on other
     * regions) the kecamatan code is added, so two regions sharing the default pool do not share accounts.
     */
    private static String email(String name, String districtCode) {
        String local = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z ]", "").strip().replace(' ', '.');
        return local + (districtCode == null ? "" : "." + districtCode.replace(".", "")) + "@gerai.local";
    }
}
