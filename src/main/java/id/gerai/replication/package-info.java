/**
 * Learning between regions: study visits (studi tiru, kunjungan belajar) that one tenant's MPP manager asks of
 * another, which the host accepts or declines, and the action plans (rencana aksi) a tenant records after a visit, a
 * copied service design or a benchmark, with their items' progress; the monitor's view across tenants without
 * personal data. The catalogue of published designs and the lineage of copies stay in {@code catalog}; this module
 * only reads them through {@code CatalogApi}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Replication")
package id.gerai.replication;
