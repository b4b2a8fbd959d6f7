package cn.qhzgh.study.quiz.bank;

import java.util.Locale;
import java.util.Optional;

/** The file formats a quiz bank (题库) can be uploaded in. */
public enum BankFormat {
    XLSX("row"),
    CSV("row"),
    JSON("question"),
    GIFT("line"),
    AIKEN("line");

    private final String locationNoun;

    BankFormat(String locationNoun) {
        this.locationNoun = locationNoun;
    }

    /**
     * The format implied by a file name's extension, if unambiguous. GIFT and Aiken files are usually plain
     * {@code .txt}, so a {@code .txt} name yields empty and the caller must ask for {@link #fromParameter}.
     */
    public static Optional<BankFormat> fromFileName(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String lower = name.strip().toLowerCase(Locale.ROOT);
        int dot = lower.lastIndexOf('.');
        return dot < 0 ? Optional.empty() : fromParameter(lower.substring(dot + 1));
    }

    /** The format named by a request parameter such as {@code gift} (any case). */
    public static Optional<BankFormat> fromParameter(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String name = value.strip().toUpperCase(Locale.ROOT);
        for (BankFormat format : values()) {
            if (format.name().equals(name)) {
                return Optional.of(format);
            }
        }
        return Optional.empty();
    }

    /** What a {@link BankQuestion#location()} counts in this format, for messages such as "same as row 3". */
    String locationNoun() {
        return locationNoun;
    }
}
