/**
 * The data subject's rights of UU 27/2022 that Gerai answers itself: information (what is held about a person, why,
 * and for how long) and access and copy (a structured, machine-readable copy, which also serves portability). It reads
 * the other modules through their public APIs and owns no tables; nothing depends on it.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Personal data")
package id.gerai.privacy;
