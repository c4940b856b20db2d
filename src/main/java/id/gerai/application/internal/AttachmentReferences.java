package id.gerai.application.internal;

import id.gerai.platform.blob.BlobReferences;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The files applications of any tenant still have attached; asked before a file is removed from the blob store. */
@Component
class AttachmentReferences implements BlobReferences {

    private final JdbcClient jdbc;

    AttachmentReferences(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Set<String> referenced(Collection<String> sha256s) {
        return new HashSet<>(jdbc.sql("select distinct sha256 from application_document where sha256 = any(?::text[])")
                .param(sha256s.toArray(String[]::new)).query(String.class).list());
    }
}
