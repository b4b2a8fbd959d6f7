package cn.qhzgh.study.common;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/** An RFC 9457 problem detail; {@code errors} carries field-level or row-level findings. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String instance,
                      List<ProblemError> errors, Integer errorCount) {

    public static final String MEDIA_TYPE = "application/problem+json";
    private static final String TYPE_PREFIX = "urn:qhzgh:study:problem:";

    public static String type(String slug) {
        return TYPE_PREFIX + slug;
    }
}
