package id.gerai.identity;

import java.util.UUID;

/**
 * The identity module's part in a citizen closing their own account (UU 27/2022, the right to deletion): checking that
 * the person may, and emptying the account. What else goes with it (drafts) and what stays (submitted applications,
 * complaints) is decided by the caller, which sees the other modules; the identity module cannot, since they depend on
 * it. Staff accounts are managed by their administrators and cannot be closed this way.
 */
public interface AccountClosure {

    /**
     * Refuses a closing the person has not confirmed: throws {@link id.gerai.platform.GeraiException} 403
     * ({@code account-close-staff}) for a staff account, ({@code forbidden}) for one that cannot log in, and
     * {@link id.gerai.platform.InvalidInput} 422 naming {@code currentPassword} (missing, wrong or locked) and
     * {@code confirm}. A wrong password counts as a failed login of the account's login name, committed even though
     * the closing is refused, so this is no way round the login throttling.
     */
    void check(UUID accountId, String currentPassword, boolean confirm);

    /**
     * Closes the account inside the caller's transaction: e-mail, phone, password, NIK and name cleared, disabled,
     * password-reset links and API tokens revoked; then every session of the account, on every device, is deleted.
     *
     * @return how many API tokens were revoked
     * @throws id.gerai.platform.GeraiException 403 when it is not an open citizen's account
     */
    int close(UUID accountId);
}
