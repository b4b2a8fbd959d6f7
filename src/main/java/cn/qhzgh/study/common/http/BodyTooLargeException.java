package cn.qhzgh.study.common.http;

import cn.qhzgh.study.common.DomainException;

import java.io.IOException;

/**
 * A body that passed its cap while streaming in. An IOException, so that the readers between the stream and the
 * resource (Jackson, the multipart parser) hand it on unchanged instead of reporting malformed input.
 */
public class BodyTooLargeException extends IOException {

    private final transient BodyKind kind;
    private final long cap;

    public BodyTooLargeException(BodyKind kind, long cap) {
        super("The " + kind.description() + " is larger than " + cap + " bytes, the most this endpoint accepts.");
        this.kind = kind;
        this.cap = cap;
    }

    /** The same refusal for a body whose declared Content-Length is already over the cap. */
    public static DomainException declared(BodyKind kind, long declared, long cap) {
        return new DomainException(413, "body-too-large", "Content Too Large", "The " + kind.description()
                + " has " + declared + " bytes; this endpoint accepts at most " + cap + ".");
    }

    public DomainException problem() {
        return new DomainException(413, "body-too-large", "Content Too Large", getMessage());
    }

    public BodyKind kind() {
        return kind;
    }

    public long cap() {
        return cap;
    }
}
