package cn.qhzgh.study.common;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One finding inside a problem: {@code field} names a JSON path for request bodies,
 * {@code row} and {@code column} locate a cell of an uploaded file.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ProblemError(String field, Long row, String column, String message) {

    public static ProblemError field(String field, String message) {
        return new ProblemError(field, null, null, message);
    }

    public static ProblemError cell(long row, String column, String message) {
        return new ProblemError(null, row, column, message);
    }
}
