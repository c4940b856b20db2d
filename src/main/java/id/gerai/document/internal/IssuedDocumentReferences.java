package id.gerai.document.internal;

import id.gerai.platform.blob.BlobReferences;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The files of issued documents (of any tenant, revoked ones too: they stay verifiable); asked before a file is
 * removed from the blob store, since a citizen may attach an issued document to a later application.
 */
@Component
class IssuedDocumentReferences implements BlobReferences {

    private final JdbcClient jdbc;

    IssuedDocumentReferences(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Set<String> referenced(Collection<String> sha256s) {
        return new HashSet<>(jdbc.sql("select distinct blob_sha256 from issued_document where blob_sha256 = any(?::text[])")
                .param(sha256s.toArray(String[]::new)).query(String.class).list());
    }
}
