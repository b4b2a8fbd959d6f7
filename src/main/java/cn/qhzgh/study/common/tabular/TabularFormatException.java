package cn.qhzgh.study.common.tabular;

import java.io.Serializable;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * An uploaded spreadsheet cannot be read as requested. Carries every problem found, each pointing at a
 * spreadsheet row (and column where relevant) so the admin can fix the file.
 */
public class TabularFormatException extends RuntimeException {

    /** Row number used for problems that concern the whole file rather than one row. */
    public static final long WHOLE_FILE = 0;

    private final List<Problem> problems;

    public TabularFormatException(List<Problem> problems) {
        super(describe(problems));
        this.problems = List.copyOf(problems);
    }

    public TabularFormatException(Problem problem) {
        this(List.of(problem));
    }

    static TabularFormatException ofFile(String message) {
        return new TabularFormatException(new Problem(WHOLE_FILE, null, message));
    }

    static TabularFormatException ofRow(long row, String message) {
        return new TabularFormatException(new Problem(row, null, message));
    }

    /** A problem with one cell; {@code columnIndex} is 0-based and reported as the column letter Excel shows. */
    static TabularFormatException ofCell(long row, int columnIndex, String message) {
        return new TabularFormatException(new Problem(row, columnLetters(columnIndex), message));
    }

    static String columnLetters(int columnIndex) {
        StringBuilder letters = new StringBuilder();
        for (int n = columnIndex + 1; n > 0; n = (n - 1) / 26) {
            letters.insert(0, (char) ('A' + (n - 1) % 26));
        }
        return letters.toString();
    }

    public List<Problem> problems() {
        return problems;
    }

    private static String describe(List<Problem> problems) {
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a TabularFormatException needs at least one problem");
        }
        return problems.stream().map(Problem::toString).collect(Collectors.joining("; "));
    }

    /**
     * One thing wrong with the file.
     *
     * @param row     spreadsheet row number (1-based, header included), or {@link #WHOLE_FILE}
     * @param column  the column concerned, or {@code null} when the problem is not about one column
     * @param message human-readable explanation
     */
    public record Problem(long row, String column, String message) implements Serializable {

        public Problem {
            Objects.requireNonNull(message, "message");
        }

        @Override
        public String toString() {
            String where = row == WHOLE_FILE ? "file" : "row " + row;
            return column == null ? where + ": " + message : where + ", column " + column + ": " + message;
        }
    }
}
