package id.gerai.privacy.internal;

import id.gerai.identity.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The copy of one's personal data over the API: the same record the account page's download holds. */
@Tag(name = "Accounts")
@RestController
class PersonalDataApi {

    private final PersonalDataExport export;

    PersonalDataApi(PersonalDataExport export) {
        this.export = export;
    }

    @Operation(summary = "A copy of everything Gerai holds about the signed-in account",
            description = "The data subject's access and copy (UU 27/2022), in every region: the account, the applications "
                    + "it is the applicant of (form data, attachment metadata with SHA-256, history), their issued documents, "
                    + "the complaints it filed (texts, replies, attachment metadata), messages still in the outbox to its "
                    + "e-mail or phone (when and how, not their content) and its API tokens (never their secrets). Full values, "
                    + "the NIK included. Staff get their own account and tokens, not the applications they worked on. The same "
                    + "content as the download on /account/data. Every call is recorded in the audit log "
                    + "(identity.personal-data.exported, with the count per category).")
    @ApiResponse(responseCode = "200", description = "The copy; schemaVersion says which structure it follows")
    @ApiResponse(responseCode = "401", description = "Not signed in, or a refused token (code unauthorized)",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "403", description = "Refused (code forbidden)",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    @GetMapping("/api/me/personal-data")
    PersonalData personalData() {
        return export.export(CurrentUser.require(), PersonalDataExport.Channel.API);
    }
}
