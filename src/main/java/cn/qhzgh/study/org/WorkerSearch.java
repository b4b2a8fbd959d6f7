package cn.qhzgh.study.org;

import java.util.Optional;

/** The worker search of the admin list: the start of a worker id or of a name, matched as stored (case-sensitive). */
final class WorkerSearch {

    /** The escape character of the LIKE patterns made here; unusual in ids and names, and no escape in any SQL dialect. */
    static final char ESCAPE = '!';

    private WorkerSearch() {
    }

    /** The LIKE pattern for what the admin typed: its characters taken literally, then anything; none for blank text. */
    static Optional<String> prefixPattern(String typed) {
        if (typed == null || typed.isBlank()) {
            return Optional.empty();
        }
        StringBuilder pattern = new StringBuilder();
        for (char c : typed.strip().toCharArray()) {
            if (c == ESCAPE || c == '%' || c == '_') {
                pattern.append(ESCAPE);
            }
            pattern.append(c);
        }
        return Optional.of(pattern.append('%').toString());
    }
}
