package cn.qhzgh.study.common;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** One page of a listing; {@code page} counts from 0. */
public record PageResult<T>(
        @Schema(required = true)
        List<T> items,
        @Schema(required = true, example = "1234")
        long total,
        @Schema(required = true, example = "0")
        int page,
        @Schema(required = true, example = "50")
        int size) {

    /** Highest page number a listing accepts: 500-row pages up to it stay far inside an int offset. */
    public static final int MAX_PAGE = 1_000_000;
}
