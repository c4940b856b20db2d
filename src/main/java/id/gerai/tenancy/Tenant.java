package id.gerai.tenancy;

import id.gerai.platform.TenantId;

/** A regional government using Gerai. {@code slug} names it in URLs, e.g. {@code kota-tangerang}. */
public record Tenant(TenantId id, String regionCode, String slug, String name, TenantKind kind) {
}
