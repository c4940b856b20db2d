/**
 * Complaints, aspirations and information requests, their handling flow with working-day limits, and the
 * SP4N-LAPOR! adapter.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Complaints")
package id.gerai.complaint;
