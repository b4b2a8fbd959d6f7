package cn.qhzgh.study.quiz.generation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Number words, number variants and enumeration shapes on small hand-made texts. */
class KeyPhraseTextRulesTest {

    private final KeyPhraseExtractor extractor = new KeyPhraseExtractor();

    @Test
    void readsAndWritesNumberWords() {
        assertThat(List.of("两", "四", "十", "十四", "二十", "二十一").stream().map(ChineseNumerals::parse))
                .containsExactly(2, 4, 10, 14, 20, 21);
        assertThat(ChineseNumerals.parse("十四五")).isEqualTo(-1);
        assertThat(ChineseNumerals.numeralLengthAt("十四五", 0)).isEqualTo(2);
        assertThat(ChineseNumerals.format(2, true)).isEqualTo("两");
        assertThat(ChineseNumerals.format(2, false)).isEqualTo("二");
        assertThat(ChineseNumerals.format(12, true)).isEqualTo("十二");
    }

    @Test
    void rewritesNumbersTheWayTheyAreWritten() {
        assertThat(NumberSlot.leading("十四五").orElseThrow().variants())
                .containsExactly("十三五", "十五五", "十二五", "十六五");
        assertThat(NumberSlot.leading("三个最大").orElseThrow().variants())
                .containsExactly("两个最大", "四个最大", "五个最大");
        assertThat(NumberSlot.find("新时代10年").orElseThrow().variants()).contains("新时代5年");
        assertThat(NumberSlot.find("第二个百年").orElseThrow().variants()).contains("第一个百年", "第三个百年");
        assertThat(NumberSlot.find("百万职工").orElseThrow().variants()).containsExactly("十万职工", "千万职工", "五十万职工");
    }

    @Test
    void takesAnItemJoinedByAnd() {
        List<KeyPhrase> phrases = extractor.extract(List.of(module("1", "要坚定道路自信、理论自信、制度自信和文化自信。")));

        assertThat(phrases).singleElement().satisfies(phrase -> {
            assertThat(phrase.kind()).isEqualTo(PhraseKind.ENUMERATION);
            assertThat(phrase.text()).isEqualTo("道路自信、理论自信、制度自信和文化自信");
            assertThat(phrase.items()).containsExactly("道路自信", "理论自信", "制度自信", "文化自信");
        });
        assertThat(extractor.extract(List.of(module("1", "要坚定道路自信、理论自信和文化自信。"))).get(0).items())
                .containsExactly("道路自信", "理论自信", "文化自信");
    }

    @Test
    void cutsPrefixListsByTheirPrefix() {
        KeyPhrase phrase = extractor.extract(List.of(module("1", "贯彻尊重劳动、尊重知识、尊重人才、尊重创造方针。")))
                .get(0);

        assertThat(phrase.items()).containsExactly("尊重劳动", "尊重知识", "尊重人才", "尊重创造");
        assertThat(phrase.start()).isEqualTo(2);
    }

    @Test
    void countsQuotedAndUnquotedFormulasAcrossModules() {
        List<KeyPhrase> phrases = extractor.extract(List.of(
                module("1", "增强“四个意识”。"), module("2", "牢固树立四个意识，做到两个维护。")));

        assertThat(phrases).extracting(KeyPhrase::moduleCode, KeyPhrase::text, KeyPhrase::occurrences)
                .containsExactly(tuple("1", "四个意识", 2), tuple("2", "四个意识", 2), tuple("2", "两个维护", 1));
    }

    @Test
    void ignoresOneOfAKindAndUnrelatedLists() {
        assertThat(extractor.extract(List.of(module("1", "当前和今后一个时期，要踔厉奋发、勇毅前行、团结奋进。"))))
                .isEmpty();
    }

    private static SourceModule module(String code, String paragraph) {
        return new SourceModule(code, "标题", List.of(paragraph));
    }
}
