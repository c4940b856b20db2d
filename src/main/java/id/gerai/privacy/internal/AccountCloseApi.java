package id.gerai.privacy.internal;

import id.gerai.identity.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Closing one's own account over the API: the same {@link AccountClose} as the page. */
@Tag(name = "Accounts")
@RestController
class AccountCloseApi {

    /** @param confirm must be {@code true}: the caller has read what closing does */
    @Schema(name = "CloseAccount")
    record CloseRequest(@Schema(description = "The account's current password") String currentPassword,
                        @Schema(description = "Must be true: what closing does was read and understood") Boolean confirm) {
    }

    private final AccountClose closing;

    AccountCloseApi(AccountClose closing) {
        this.closing = closing;
    }

    @Operation(summary = "Close the signed-in citizen's own account (UU 27/2022, the right to deletion)",
            description = """
                    Sign-in stops at once on every device; the account's e-mail, phone, password, NIK and name are removed \
                    and its API tokens revoked (this request's own token included); drafts never submitted are deleted with \
                    their documents. Submitted applications and complaints are not deleted: they are the agencies' records, \
                    keep the applicant's details copied on them until their retention ends, and can still be followed with \
                    their tracking number and access code; issued documents stay verifiable. The same NIK and e-mail may \
                    register again. Refused while an application is in process (409 `account-has-open-applications`, with \
                    `trackingNumbers`): finish or withdraw it first. A wrong password counts as a failed login. Audited as \
                    `identity.account.closed` with counts only.""")
    @ApiResponse(responseCode = "204", description = "Closed")
    @ApiResponse(responseCode = "401", description = "Not signed in, or a refused token (code unauthorized)",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "403", description = "A staff account, managed by its administrators (code account-close-staff)",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "409", description = "Applications in process (code account-has-open-applications, with trackingNumbers)",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "422", description = "Missing or wrong currentPassword, or confirm not true (code validation, errors by field)",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    @DeleteMapping("/api/me")
    ResponseEntity<Void> close(@RequestBody CloseRequest r) {
        closing.close(CurrentUser.require(), r.currentPassword(), Boolean.TRUE.equals(r.confirm()));
        return ResponseEntity.noContent().build();
    }
}
