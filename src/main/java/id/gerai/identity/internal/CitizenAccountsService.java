package id.gerai.identity.internal;

import id.gerai.identity.CitizenAccounts;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;

/** The {@link CitizenAccounts} API over the registration and walk-in use cases. */
@Service
class CitizenAccountsService implements CitizenAccounts {

    private final Registration registration;
    private final WalkIn walkIn;
    private final AccountRepository accounts;

    CitizenAccountsService(Registration registration, WalkIn walkIn, AccountRepository accounts) {
        this.registration = registration;
        this.walkIn = walkIn;
        this.accounts = accounts;
    }

    @Override
    public UUID register(String fullName, String nik, String email, String phone, String password) {
        return registration.register(new Registration.RegisterCitizen(fullName, nik, email, phone, password, password, true));
    }

    @Override
    public Optional<Citizen> byId(UUID accountId) {
        if (accountId == null) {
            return Optional.empty();
        }
        return accounts.findById(accountId).filter(AccountRepository.AccountRow::citizen).map(AccountRepository.AccountRow::toCitizen);
    }

    @Override
    public Optional<Citizen> byNik(String nik) {
        String digits = WalkIn.nik(nik);
        if (!digits.matches("\\d{16}")) {
            return Optional.empty();
        }
        return accounts.findByNik(digits).filter(AccountRepository.AccountRow::citizen).map(AccountRepository.AccountRow::toCitizen);
    }

    @Override
    public Citizen walkIn(String nik, String fullName, String phone, String email) {
        return walkIn.findOrRecord(nik, fullName, phone, email);
    }
}
