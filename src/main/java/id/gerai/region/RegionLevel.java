package id.gerai.region;

/** The four levels of the Kemendagri code: {@code PP}, {@code PP.KK}, {@code PP.KK.CC}, {@code PP.KK.CC.DDDD}. */
public enum RegionLevel {
    PROVINCE, REGENCY, DISTRICT, VILLAGE
}
