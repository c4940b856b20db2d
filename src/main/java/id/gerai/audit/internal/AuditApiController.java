package id.gerai.audit.internal;

import id.gerai.audit.AuditVerifier;
import id.gerai.audit.VerificationResult;
import id.gerai.platform.TenantId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/audit")
@Tag(name = "Audit", description = "The append-only, hash-chained audit log")
class AuditApiController {

    private final AuditVerifier verifier;

    AuditApiController(AuditVerifier verifier) {
        this.verifier = verifier;
    }

    @GetMapping("/verify")
    @PreAuthorize("hasRole('ADMIN_PLATFORM')")
    @Operation(summary = "Verify the audit hash chains",
            description = """
                    Seals pending records, then recomputes every hash of the chosen chain (or of all chains) and \
                    compares the end with the chain head. `ok` is false when a record was altered, deleted or cut \
                    off the end directly in the database; `firstProblem` says where. Records whose transaction \
                    is still running are not sealed yet and only counted (`pendingRows`). Reads every record of \
                    the chains checked. Platform administrators only.""")
    VerificationResult verify(@Parameter(description = "Only this tenant's chain; all chains when absent")
                              @RequestParam(required = false) UUID tenant) {
        return verifier.verify(tenant == null ? null : new TenantId(tenant));
    }
}
