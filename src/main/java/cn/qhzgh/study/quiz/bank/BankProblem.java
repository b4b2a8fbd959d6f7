package cn.qhzgh.study.quiz.bank;

import java.util.Objects;

/**
 * One thing wrong with a bank file.
 *
 * @param location as in {@link BankQuestion#location()}, or 0 when the problem concerns the whole file
 * @param field    what is wrong: {@code file}, {@code question}, {@code type}, {@code stem}, {@code options},
 *                 {@code option_a}…{@code option_h}, {@code answer}, {@code explanation}, {@code module_code},
 *                 {@code tags}, or a spreadsheet column named in a header problem
 * @param message  explanation for the admin who fixes the file
 */
public record BankProblem(long location, String field, String message) {

    public static final long WHOLE_FILE = 0;

    public BankProblem {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(message, "message");
    }

    static BankProblem ofFile(String message) {
        return new BankProblem(WHOLE_FILE, "file", message);
    }
}
