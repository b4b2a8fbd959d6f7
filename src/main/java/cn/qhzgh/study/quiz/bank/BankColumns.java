package cn.qhzgh.study.quiz.bank;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

/** The spreadsheet columns of a quiz bank (XLSX and CSV), with the Chinese headers also accepted. */
final class BankColumns {

    static final String TYPE = "type";
    static final String STEM = "stem";
    static final String ANSWER = "answer";
    static final String EXPLANATION = "explanation";
    static final String MODULE_CODE = "module_code";
    static final String TAGS = "tags";
    static final List<String> OPTIONS = IntStream.range(0, BankLimits.MAX_OPTIONS)
            .mapToObj(QuestionRules::optionField).toList();

    /** Every column, in the order the exporter and the template write them. */
    static final List<String> ALL = all();

    /**
     * Columns a file may leave out. Options A–D stay required so that a mistyped option header is reported once,
     * at the header, instead of as "needs 2 to 8 options" on every choice question.
     */
    static final Set<String> OPTIONAL = Set.of("option_e", "option_f", "option_g", "option_h",
            EXPLANATION, MODULE_CODE, TAGS);

    static final Map<String, List<String>> ALIASES = aliases();

    private BankColumns() {
    }

    private static List<String> all() {
        List<String> columns = new ArrayList<>(List.of(TYPE, STEM));
        columns.addAll(OPTIONS);
        columns.addAll(List.of(ANSWER, EXPLANATION, MODULE_CODE, TAGS));
        return List.copyOf(columns);
    }

    private static Map<String, List<String>> aliases() {
        Map<String, List<String>> aliases = new LinkedHashMap<>();
        aliases.put(TYPE, List.of("题型", "题目类型"));
        aliases.put(STEM, List.of("题干", "题目"));
        for (int i = 0; i < OPTIONS.size(); i++) {
            String key = BankSyntax.optionKey(i);
            aliases.put(OPTIONS.get(i), List.of("选项" + key, key));
        }
        aliases.put(ANSWER, List.of("答案", "正确答案"));
        aliases.put(EXPLANATION, List.of("解析", "答案解析"));
        aliases.put(MODULE_CODE, List.of("模块", "模块编号"));
        aliases.put(TAGS, List.of("标签"));
        return Map.copyOf(aliases);
    }
}
