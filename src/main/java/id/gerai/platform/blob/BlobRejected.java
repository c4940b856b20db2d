package id.gerai.platform.blob;

import id.gerai.platform.GeraiException;
import org.springframework.http.HttpStatus;

/** A file that was not stored, with why: {@code blob.empty}, {@code blob.too-large}, {@code blob.type-not-accepted}. */
public class BlobRejected extends GeraiException {

    public BlobRejected(String code, Object... args) {
        super(HttpStatus.UNPROCESSABLE_CONTENT, code, args);
    }
}
