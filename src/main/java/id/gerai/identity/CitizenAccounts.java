package id.gerai.identity;

import java.util.UUID;

/** Citizen accounts for other modules (the demo data; later the counter officer filing for a walk-in citizen). */
public interface CitizenAccounts {

    /** Registers a citizen exactly as the registration page does (validated, audited); consent is recorded. */
    UUID register(String fullName, String nik, String email, String phone, String password);
}
