package cn.qhzgh.study.quiz.bank;

import cn.qhzgh.study.quiz.QuestionDraft;
import cn.qhzgh.study.quiz.QuestionOption;
import cn.qhzgh.study.quiz.QuestionType;
import java.util.List;
import java.util.stream.IntStream;

/** Builds canonical drafts for the bank tests. */
final class BankFixtures {

    private BankFixtures() {
    }

    static QuestionDraft single(String stem, List<String> options, String answer) {
        return draft(QuestionType.SINGLE_CHOICE, stem, options, List.of(answer));
    }

    static QuestionDraft multiple(String stem, List<String> options, List<String> answer) {
        return draft(QuestionType.MULTIPLE_CHOICE, stem, options, answer);
    }

    static QuestionDraft trueFalse(String stem, boolean isTrue) {
        return draft(QuestionType.TRUE_FALSE, stem, List.of("正确", "错误"), List.of(isTrue ? "A" : "B"));
    }

    static QuestionDraft fillBlank(String stem, List<String> accepted) {
        return draft(QuestionType.FILL_BLANK, stem, List.of(), accepted);
    }

    static QuestionDraft draft(QuestionType type, String stem, List<String> options, List<String> answer) {
        return new QuestionDraft(type, stem, options(options), answer, null, null, null, List.of());
    }

    static QuestionDraft with(QuestionDraft draft, String explanation, String moduleCode, List<String> tags) {
        return new QuestionDraft(draft.type(), draft.stem(), draft.options(), draft.answer(), explanation, moduleCode,
                draft.keyPhrase(), tags);
    }

    static List<QuestionOption> options(List<String> texts) {
        return IntStream.range(0, texts.size())
                .mapToObj(i -> new QuestionOption(String.valueOf((char) ('A' + i)), texts.get(i)))
                .toList();
    }
}
