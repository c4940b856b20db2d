package id.gerai.region.internal;

import id.gerai.region.RegionLevel;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import org.springframework.core.io.ClassPathResource;

/**
 * One release of the region list: a CSV file per level, {@code code,parent_code,name} with a header
 * line ({@code code,name} for provinces), as the npm package {@code idn-area-data} ships them.
 *
 * @param name    the dataset, e.g. {@code idn-area-data}
 * @param version its release; with the checksum it tells the importer whether there is anything to do
 * @param files   the CSV content per level
 */
record RegionDataset(String name, String version, Map<RegionLevel, byte[]> files) {

    /** Keep in step with {@code region/idn-area-data/README.md} when the files are replaced. */
    static final String BUNDLED_VERSION = "4.0.1";
    static final String BUNDLED_NAME = "idn-area-data";
    private static final String LOCATION = "region/idn-area-data/";

    RegionDataset {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(version, "version");
        files = new EnumMap<>(files);
        for (RegionLevel level : RegionLevel.values()) {
            if (!files.containsKey(level)) {
                throw new IllegalArgumentException("Dataset " + name + " " + version + " has no file for " + level);
            }
        }
    }

    /** The dataset shipped inside the application. */
    static RegionDataset bundled() {
        Map<RegionLevel, byte[]> files = new EnumMap<>(RegionLevel.class);
        files.put(RegionLevel.PROVINCE, read("provinces.csv"));
        files.put(RegionLevel.REGENCY, read("regencies.csv"));
        files.put(RegionLevel.DISTRICT, read("districts.csv"));
        files.put(RegionLevel.VILLAGE, read("villages.csv"));
        return new RegionDataset(BUNDLED_NAME, BUNDLED_VERSION, files);
    }

    /** SHA-256 over the files in level order: a corrected file under the same version is still noticed. */
    String checksum() {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (RegionLevel level : RegionLevel.values()) {
                digest.update(files.get(level));
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] read(String file) {
        try (InputStream in = new ClassPathResource(LOCATION + file).getInputStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("Region data file missing from the application: " + LOCATION + file, e);
        }
    }
}
