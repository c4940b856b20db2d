package id.gerai.platform;

import java.util.Objects;
import java.util.UUID;

/** Identifies a tenant (a regional government). Leads every key of every tenant-owned table. */
public record TenantId(@com.fasterxml.jackson.annotation.JsonValue UUID value) implements java.io.Serializable {

    public TenantId {
        Objects.requireNonNull(value, "value");
    }

    public static TenantId of(String value) {
        return new TenantId(UUID.fromString(value));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
