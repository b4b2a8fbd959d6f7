package cn.qhzgh.study.quiz.bank;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads Moodle GIFT banks (https://docs.moodle.org/en/GIFT_format). Questions are separated by blank lines;
 * {@code //} lines are comments, and, as in Moodle's exporter, {@code [tag:…]} in them tags the question;
 * {@code [module:…]} there gives the module code. {@code $CATEGORY:} tags the questions that follow with the
 * category's last path element.
 */
final class GiftBankReader {

    private static final String CATEGORY = "$CATEGORY:";
    private static final Pattern TAG = Pattern.compile("\\[tag:((?:\\\\]|[^\\]])*)]");
    private static final Pattern MODULE = Pattern.compile("\\[module:((?:\\\\]|[^\\]])*)]");

    private String categoryTag;

    private GiftBankReader() {
    }

    static void read(byte[] content, BankCollector collector) {
        new GiftBankReader().read(BankText.lines(content), collector);
    }

    private void read(List<String> lines, BankCollector collector) {
        int next = 0;
        while (next < lines.size()) {
            if (lines.get(next).isBlank()) {
                next++;
                continue;
            }
            int start = next;
            while (next < lines.size() && !lines.get(next).isBlank()) {
                next++;
            }
            ParsedQuestion question = block(lines.subList(start, next), start + 1);
            if (question != null && !collector.accept(question)) {
                return;
            }
        }
    }

    /** @return the block's question, or {@code null} if it holds only comments and category changes */
    private ParsedQuestion block(List<String> lines, long firstLineNumber) {
        List<String> comments = new ArrayList<>();
        List<String> text = new ArrayList<>();
        long location = 0;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.startsWith("//")) {
                comments.add(line);
            } else if (text.isEmpty() && line.startsWith(CATEGORY)) {
                categoryTag = lastPathElement(line.substring(CATEGORY.length()));
            } else {
                if (text.isEmpty()) {
                    location = firstLineNumber + i;
                }
                text.add(lines.get(i));
            }
        }
        if (text.isEmpty()) {
            return null;
        }
        String comment = String.join("\n", comments);
        List<String> tags = new ArrayList<>();
        if (categoryTag != null) {
            tags.add(categoryTag);
        }
        tags.addAll(bracketed(TAG, comment));
        String moduleCode = bracketed(MODULE, comment).stream().findFirst().orElse(null);
        return GiftQuestionParser.parse(location, String.join("\n", text), moduleCode, tags);
    }

    /** Moodle writes categories as paths such as {@code $course$/top/党史}; the tag is the last element. */
    private static String lastPathElement(String category) {
        String[] path = category.strip().split("/");
        String last = path.length == 0 ? "" : path[path.length - 1].strip();
        return last.isEmpty() ? null : last;
    }

    private static List<String> bracketed(Pattern token, String comment) {
        List<String> values = new ArrayList<>();
        Matcher match = token.matcher(comment);
        while (match.find()) {
            values.add(match.group(1).replace("\\]", "]").strip());
        }
        return values;
    }
}
