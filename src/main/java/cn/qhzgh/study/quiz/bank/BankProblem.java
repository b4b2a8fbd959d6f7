package cn.qhzgh.study.quiz.bank;

import java.util.Objects;
import java.util.regex.Pattern;

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
    private static final Pattern OPTION_COLUMN = Pattern.compile("\\boption_[a-h]\\b");

    public BankProblem {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(message, "message");
    }

    static BankProblem ofFile(String message) {
        return new BankProblem(WHOLE_FILE, "file", message);
    }

    /**
     * The same problem named as a path in a question edit's JSON body, where option_b is options[1].text and
     * module_code is moduleCode (in the field and in a message that names another option).
     */
    BankProblem inJsonBody() {
        String message = OPTION_COLUMN.matcher(this.message).replaceAll(column -> jsonPath(column.group()));
        return new BankProblem(location, jsonPath(field), message);
    }

    private static String jsonPath(String column) {
        if (OPTION_COLUMN.matcher(column).matches()) {
            return "options[" + (column.charAt(column.length() - 1) - 'a') + "].text";
        }
        return BankColumns.MODULE_CODE.equals(column) ? "moduleCode" : column;
    }
}
