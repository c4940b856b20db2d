/**
 * Tenants (regional governments keyed by their Kemendagri region code), their agencies (instansi: regional
 * OPD, central/vertical, private, village) and service points (MPP building, mall counter, village office,
 * online). A path variable named {@code tenant} anywhere in a URL puts that tenant into the
 * {@link id.gerai.platform.TenantContext} for the request.
 */
package id.gerai.tenancy;
