package cn.qhzgh.study.quiz.bank;

import java.nio.charset.StandardCharsets;

/** Small question banks for API tests; {@code tag} keeps each test's questions distinct from the others'. */
public final class BankFiles {

    static final String CSV_HEADER = "type,stem,option_a,option_b,option_c,option_d,answer,explanation,module_code,tags\n";

    private BankFiles() {
    }

    /** {@code count} single-choice questions whose answer is always the option text 正确选项N. */
    public static byte[] singleChoiceCsv(String tag, String moduleCode, int count) {
        StringBuilder csv = new StringBuilder(CSV_HEADER);
        for (int i = 1; i <= count; i++) {
            csv.append("单选题,").append(tag).append(" 第").append(i).append("题：下列哪一项正确？,")
                    .append("正确选项").append(i).append(",干扰甲").append(i).append(",干扰乙").append(i)
                    .append(",干扰丙").append(i).append(",A,").append(tag).append("解析").append(i).append(',')
                    .append(moduleCode).append(",测试\n");
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }
}
