package id.gerai.document.internal;

import id.gerai.document.DocumentStatus;
import id.gerai.document.IssuedDocument;
import id.gerai.document.IssuedDocuments;
import id.gerai.platform.TenantId;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * For the application pages' templates ({@code ${@documentLinks.of(...)}} in {@code document/fragments.html}):
 * whether a completed application's document is there to download yet. The application module has no
 * dependency on this one (documents depend on applications), so its pages include the fragment by name.
 *
 * <p>Callers are pages that already checked the viewer may see the application; what is returned is the
 * document's number and state, which that viewer may see too.
 */
@Component("documentLinks")
public class DocumentLinks {

    /** What the fragment shows: {@code ISSUED} (links), {@code PENDING} (being prepared), {@code REVOKED}. */
    public record Link(DocumentStatus status, UUID id, String number, boolean awaitingSignature) {
    }

    private final IssuedDocuments documents;

    DocumentLinks(IssuedDocuments documents) {
        this.documents = documents;
    }

    /** The application's current document; {@code PENDING} when it has none yet. */
    public Link of(TenantId tenant, UUID applicationId) {
        return documents.byApplication(tenant, applicationId)
                .map(DocumentLinks::link)
                .orElse(new Link(DocumentStatus.PENDING, null, null, false));
    }

    private static Link link(IssuedDocument d) {
        return new Link(d.status(), d.id(), d.number(), d.awaitingSignature());
    }
}
