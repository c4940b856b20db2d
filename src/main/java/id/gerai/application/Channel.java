package id.gerai.application;

import id.gerai.tenancy.ServicePointKind;

/** Where an application was filed. */
public enum Channel {
    /** By the citizen, on the web or through the API. */
    ONLINE,
    /** At a counter of the Mal Pelayanan Publik. */
    MPP_COUNTER,
    /** At a counter in a shopping mall (gerai mall). */
    MALL_COUNTER,
    /** At a village (desa/kelurahan) office. */
    VILLAGE_OFFICE;

    /** The channel of an officer working at a service point of {@code kind}. */
    public static Channel at(ServicePointKind kind) {
        return switch (kind) {
            case MPP -> MPP_COUNTER;
            case MALL -> MALL_COUNTER;
            case VILLAGE_OFFICE -> VILLAGE_OFFICE;
            case ONLINE -> ONLINE;
        };
    }
}
