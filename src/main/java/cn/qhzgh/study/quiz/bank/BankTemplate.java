package cn.qhzgh.study.quiz.bank;

import cn.qhzgh.study.quiz.question.QuestionDraft;
import cn.qhzgh.study.quiz.question.QuestionOption;
import cn.qhzgh.study.quiz.question.QuestionType;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/** The downloadable XLSX template: one example per question type, and a 说明 sheet explaining every column. */
final class BankTemplate {

    private static final Map<QuestionType, String> TYPE_LABELS = Map.of(
            QuestionType.SINGLE_CHOICE, "单选题", QuestionType.MULTIPLE_CHOICE, "多选题",
            QuestionType.TRUE_FALSE, "判断题", QuestionType.FILL_BLANK, "填空题");

    static final List<QuestionDraft> EXAMPLES = List.of(
            new QuestionDraft(QuestionType.SINGLE_CHOICE, "“三微一端”中的“一端”指的是什么？",
                    options("微博", "微信", "微视频", "新闻客户端"), List.of("D"),
                    "“三微一端”指微博、微信、微视频和新闻客户端。", null, null, List.of("新媒体", "宣传阵地")),
            new QuestionDraft(QuestionType.MULTIPLE_CHOICE, "坚定“四个自信”，是指坚定中国特色社会主义的哪些自信？",
                    options("道路自信", "理论自信", "制度自信", "文化自信"), List.of("A", "B", "C", "D"),
                    "“四个自信”即中国特色社会主义道路自信、理论自信、制度自信、文化自信。", null, null, List.of("四个自信")),
            new QuestionDraft(QuestionType.TRUE_FALSE, "工会是中国共产党领导的职工自愿结合的工人阶级群众组织。",
                    options(BankSyntax.TRUE_TEXT, BankSyntax.FALSE_TEXT), List.of(BankSyntax.TRUE_KEY),
                    "见《中华人民共和国工会法》第二条。", null, null, List.of("工会法")),
            new QuestionDraft(QuestionType.FILL_BLANK, "每年的5月1日是____。", List.of(), List.of("国际劳动节", "劳动节"),
                    null, null, null, List.of()));

    private static final List<List<String>> COLUMN_NOTES = List.of(
            List.of("列名", "中文表头（也可使用）", "是否必须", "填写说明"),
            List.of("type", "题型", "必须", "单选题、多选题、判断题、填空题（也可写 单选/多选/判断/填空，或 SINGLE_CHOICE、"
                    + "MULTIPLE_CHOICE、TRUE_FALSE、FILL_BLANK）"),
            List.of("stem", "题干", "必须", "题目内容，不超过500字；填空题可用 ____ 标出空格"),
            List.of("option_a～option_d", "选项A～选项D", "表头必须有这四列",
                    "单选题、多选题的选项：2～8个，从A起连续填写，每个不超过200字，选项不能相同；判断题、填空题留空"),
            List.of("option_e～option_h", "选项E～选项H", "可省略", "第5～8个选项"),
            List.of("answer", "答案", "必须", "单选题填一个字母，如 A；多选题填多个字母，如 ACD、A,C,D 或 A、C、D；"
                    + "判断题填 正确 或 错误（也可写 对/错、√/×）；填空题填可接受的答案，多个用 | 分隔，如 国际劳动节|劳动节，"
                    + "最多10个，每个不超过100字"),
            List.of("explanation", "解析", "可省略", "答案解析，不超过1000字"),
            List.of("module_code", "模块", "可省略", "题目对应的学习模块编号，如 0、3 或 3.1；不对应模块的留空"),
            List.of("tags", "标签", "可省略", "最多10个，每个不超过32字，用逗号、顿号或分号分隔"));

    private static final List<String> GENERAL_NOTES = List.of(
            "第一行是表头，列名请勿修改（英文列名和中文表头都能识别）；从第二行起每行一道题，示例题可直接删除或改写。",
            "一个文件最多5000道题，不超过10 MB；同一文件中题型、题干和选项都相同的题目视为重复，会被指出。",
            "任何一道题有问题时，整个文件都不会导入，页面会列出每个问题所在的行和列，改正后重新上传即可。",
            "也可以在 Excel 中另存为 CSV（UTF-8 或 GBK 编码均可）后上传。");

    private BankTemplate() {
    }

    static void write(Workbook workbook) {
        BankSheet.write(workbook.newWorksheet("题库"), EXAMPLES, TYPE_LABELS::get);
        Worksheet notes = workbook.newWorksheet("说明");
        int row = 0;
        for (List<String> line : COLUMN_NOTES) {
            for (int column = 0; column < line.size(); column++) {
                notes.value(row, column, line.get(column));
            }
            row++;
        }
        for (int column = 0; column < COLUMN_NOTES.get(0).size(); column++) {
            notes.style(0, column).bold().set();
        }
        row++;
        for (String note : GENERAL_NOTES) {
            notes.value(row++, 0, note);
        }
        notes.width(0, 20);
        notes.width(1, 22);
        notes.width(2, 18);
        notes.width(3, 90);
    }

    private static List<QuestionOption> options(String... texts) {
        return IntStream.range(0, texts.length)
                .mapToObj(i -> new QuestionOption(BankSyntax.optionKey(i), texts[i]))
                .toList();
    }
}
