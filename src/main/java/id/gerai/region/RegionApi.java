package id.gerai.region;

import java.util.List;
import java.util.Optional;

/** Read access to the imported region list for other modules. */
public interface RegionApi {

    Optional<Region> find(String code);

    /** Whether {@code code} (two digits, e.g. {@code 36}) is a known province. */
    boolean provinceExists(String code);

    List<Region> children(String code);
}
