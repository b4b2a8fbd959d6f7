package cn.qhzgh.study.quiz.question;

import cn.qhzgh.study.common.Hashing;

import java.util.List;

/** Same type, stem and option texts after normalisation means the same question, whatever the letters. */
public final class QuestionFingerprint {

    private QuestionFingerprint() {
    }

    public static String of(QuestionType type, String stem, List<QuestionOption> options) {
        String optionTexts = options.stream().map(o -> TextNormalizer.normalize(o.text())).sorted()
                .reduce("", (a, b) -> a + "\u0001" + b);
        return Hashing.sha256Hex(type + "\u0000" + TextNormalizer.normalize(stem) + "\u0000" + optionTexts);
    }
}
