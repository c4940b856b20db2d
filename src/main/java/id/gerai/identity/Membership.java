package id.gerai.identity;

import id.gerai.platform.TenantId;
import java.util.UUID;

/** A tenant role held by a staff account, optionally bound to one agency or service point. */
public record Membership(TenantId tenant, Role role, UUID agencyId, UUID servicePointId) implements java.io.Serializable {
}
