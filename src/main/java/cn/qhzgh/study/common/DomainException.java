package cn.qhzgh.study.common;

import java.util.List;

/** A failure the caller can act on; the exception mapper turns it into problem+json. */
public class DomainException extends RuntimeException {

    private final int status;
    private final String slug;
    private final String title;
    private final transient List<ProblemError> errors;
    private final Integer errorCount;

    public DomainException(int status, String slug, String title, String detail,
                           List<ProblemError> errors, Integer errorCount) {
        super(detail);
        this.status = status;
        this.slug = slug;
        this.title = title;
        this.errors = errors;
        this.errorCount = errorCount;
    }

    public DomainException(int status, String slug, String title, String detail) {
        this(status, slug, title, detail, null, null);
    }

    public static DomainException notFound(String slug, String detail) {
        return new DomainException(404, slug, "Not Found", detail);
    }

    /** The token was verified, yet what it says cannot be used; answered with {@code WWW-Authenticate: Bearer}. */
    public static DomainException unauthorized(String slug, String detail) {
        return new DomainException(401, slug, "Unauthorized", detail);
    }

    public static DomainException forbidden(String slug, String detail) {
        return new DomainException(403, slug, "Forbidden", detail);
    }

    public static DomainException conflict(String slug, String detail) {
        return new DomainException(409, slug, "Conflict", detail);
    }

    public static DomainException badRequest(String slug, String detail, List<ProblemError> errors) {
        return new DomainException(400, slug, "Bad Request", detail, errors, null);
    }

    public static DomainException unprocessable(String slug, String detail, List<ProblemError> errors,
                                                int errorCount) {
        return new DomainException(422, slug, "Unprocessable Content", detail, errors, errorCount);
    }

    public int status() {
        return status;
    }

    public String slug() {
        return slug;
    }

    public String title() {
        return title;
    }

    public List<ProblemError> errors() {
        return errors;
    }

    public Integer errorCount() {
        return errorCount;
    }

    /** Seconds after which a retry may succeed; set by rate limits and by lock conflicts that outlasted their retries. */
    public Long retryAfterSeconds() {
        return null;
    }
}
