/**
 * Service performance: figures per tenant, agency, service, service point and day kept from the other modules'
 * events (received, decided, on time, processing time, channel mix, IKM, complaints), dashboards for the MPP
 * manager, the agency admin and the monitor, the benchmark of tenants per service kind, and the open-data API
 * (CKAN-compatible, DCAT, CSV). Holds aggregates only, never a person (ADR 0007).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Performance")
package id.gerai.performance;
