package id.gerai.platform.blob;

/** A stored file: its content address, size in bytes and the content type sniffed from its bytes. */
public record StoredBlob(String sha256, long size, String contentType) {
}
