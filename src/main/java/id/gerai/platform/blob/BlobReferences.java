package id.gerai.platform.blob;

import java.util.Collection;
import java.util.Set;

/**
 * A module's answer to "which of these files do you still hold?". Files are addressed by content, so one file may
 * be an application's attachment, a complaint's attachment and an issued document at once (a citizen uploads the
 * certificate an earlier application issued); before {@link UnreferencedBlobs} removes a file, every module that
 * keeps addresses is asked through its bean of this type, each over its own tables, so no module reads another's.
 */
public interface BlobReferences {

    /** Those of {@code sha256s} that a row of this module, of any tenant, still refers to. */
    Set<String> referenced(Collection<String> sha256s);
}
