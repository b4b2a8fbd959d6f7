package cn.qhzgh.study.quiz.generation;

import static org.assertj.core.api.Assertions.assertThat;

import cn.qhzgh.study.quiz.question.TextNormalizer;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Extraction on the real notice. */
class KeyPhraseExtractorTest {

    private static List<KeyPhrase> phrases;

    @BeforeAll
    static void extract() {
        phrases = new KeyPhraseExtractor().extract(NoticeFixture.modules());
    }

    @Test
    void readsTheNumberAndCounterOfFormulas() {
        assertThat(first("四个意识")).extracting(KeyPhrase::kind, KeyPhrase::number, KeyPhrase::counter)
                .containsExactly(PhraseKind.FORMULA, 4, "个");
        assertThat(first("五位一体")).extracting(KeyPhrase::kind, KeyPhrase::number, KeyPhrase::counter)
                .containsExactly(PhraseKind.FORMULA, 5, "位");
        assertThat(first("六个现代化新青海建设")).extracting(KeyPhrase::number, KeyPhrase::counter)
                .containsExactly(6, "个");
    }

    @Test
    void findsUnquotedFormulas() {
        KeyPhrase eightRules = first("八项规定");
        assertThat(eightRules).extracting(KeyPhrase::moduleCode, KeyPhrase::kind, KeyPhrase::number,
                KeyPhrase::counter).containsExactly("3.8", PhraseKind.FORMULA, 8, "项");
        assertThat(NoticeFixture.paragraphOf(eightRules).charAt(eightRules.start() - 1)).isNotEqualTo('“');
    }

    @Test
    void countsOccurrencesOverTheWholeNotice() {
        assertThat(first("两个确立").occurrences()).isGreaterThanOrEqualTo(3);
        assertThat(first("新时代10年").occurrences()).isEqualTo(3);
        assertThat(first("提高劳动报酬在初次分配中的比重").occurrences()).isEqualTo(2);
    }

    @Test
    void classifiesShortQuotesAsSlogans() {
        for (String slogan : List.of("三微一端", "司机之家", "国之大者", "中国梦·劳动美", "娘家人", "头雁效应",
                "十四五", "四地", "五小", "四风", "法院+工会+人社+司法")) {
            assertThat(first(slogan).kind()).as(slogan).isEqualTo(PhraseKind.SLOGAN);
        }
    }

    @Test
    void parsesTheItemsOfQuotations() {
        KeyPhrase fiveSpirits = phrases.stream().filter(phrase -> phrase.kind() == PhraseKind.QUOTATION
                && phrase.text().startsWith("在全社会弘扬")).findFirst().orElseThrow();
        assertThat(fiveSpirits.items()).containsExactly("劳动精神", "奋斗精神", "奉献精神", "创造精神", "勤俭节约精神");
        assertThat(first("转作风、解难题、促发展、保稳定")).extracting(KeyPhrase::kind, KeyPhrase::items)
                .containsExactly(PhraseKind.QUOTATION, List.of("转作风", "解难题", "促发展", "保稳定"));
    }

    @Test
    void parsesEnumerationsSharingAnAffix() {
        assertThat(first("政治判断力、政治领悟力、政治执行力")).extracting(KeyPhrase::kind, KeyPhrase::items)
                .containsExactly(PhraseKind.ENUMERATION, List.of("政治判断力", "政治领悟力", "政治执行力"));
        assertThat(first("道路自信、理论自信、制度自信、文化自信").items()).hasSize(4);
        assertThat(first("劳模精神、劳动精神、工匠精神").moduleCode()).isEqualTo("3.4");
        // The first item is cut to the shape of the others: 社会主义 qualifies the whole list.
        assertThat(first("经济建设、政治建设、文化建设、社会建设、生态文明建设").items()).startsWith("经济建设");
    }

    @Test
    void leavesListsWithoutASharedAffixAlone() {
        assertThat(phrases).noneMatch(phrase -> phrase.text().contains("踔厉奋发"));
        assertThat(phrases).noneMatch(phrase -> phrase.text().contains("马克思列宁主义、毛泽东思想"));
    }

    @Test
    void findsNumericFacts() {
        assertThat(first("新时代10年")).extracting(KeyPhrase::kind, KeyPhrase::number, KeyPhrase::counter)
                .containsExactly(PhraseKind.NUMBER, 10, "年");
        assertThat(first("过去5年")).extracting(KeyPhrase::kind, KeyPhrase::number).containsExactly(PhraseKind.NUMBER, 5);
        assertThat(first("9个方面")).extracting(KeyPhrase::kind, KeyPhrase::number, KeyPhrase::counter)
                .containsExactly(PhraseKind.NUMBER, 9, "个");
        assertThat(first("第二十次")).extracting(KeyPhrase::number, KeyPhrase::counter).containsExactly(20, "次");
        assertThat(first("百万职工")).extracting(KeyPhrase::kind, KeyPhrase::number, KeyPhrase::counter)
                .containsExactly(PhraseKind.NUMBER, 1_000_000, null);
    }

    @Test
    void doesNotTakeNumbersInsideListItemsForFacts() {
        assertThat(phrases).noneMatch(phrase -> phrase.kind() == PhraseKind.NUMBER && phrase.text().equals("第三次"));
    }

    @Test
    void offsetsCoverThePhraseAsWrittenInTheSource() {
        for (KeyPhrase phrase : phrases) {
            String written = NoticeFixture.paragraphOf(phrase).substring(phrase.start(), phrase.end());
            assertThat(written.replaceAll("\\s+", "")).as(phrase.toString()).isEqualTo(phrase.text());
            assertThat(phrase.sentence()).as(phrase.toString()).contains(written);
        }
        KeyPhrase spaced = phrases.stream().filter(phrase -> phrase.moduleCode().equals("2.1")
                && phrase.text().equals("新时代10年")).findFirst().orElseThrow();
        assertThat(NoticeFixture.paragraphOf(spaced).substring(spaced.start(), spaced.end())).isEqualTo("新时代 10 年");
    }

    @Test
    void quotedPhrasesExcludeTheirQuoteMarks() {
        KeyPhrase driversHome = first("司机之家");
        String paragraph = NoticeFixture.paragraphOf(driversHome);
        assertThat(paragraph.charAt(driversHome.start() - 1)).isEqualTo('“');
        assertThat(paragraph.charAt(driversHome.end())).isEqualTo('”');
    }

    @Test
    void keepsOnePhrasePerTextAndModule() {
        Set<String> seen = new HashSet<>();
        for (KeyPhrase phrase : phrases) {
            assertThat(seen.add(phrase.moduleCode() + "|" + TextNormalizer.normalize(phrase.text())))
                    .as(phrase.toString()).isTrue();
        }
        assertThat(phrases).filteredOn(phrase -> phrase.text().equals("两个确立"))
                .extracting(KeyPhrase::moduleCode).containsExactly("1", "3.1");
    }

    @Test
    void findsAQuotedPhraseWhereAnotherModuleRepeatsItWithoutQuotes() {
        assertThat(phrases).filteredOn(phrase -> phrase.text().equals("提高劳动报酬在初次分配中的比重"))
                .extracting(KeyPhrase::moduleCode).containsExactly("2.3", "3.5");
    }

    @Test
    void isDeterministic() {
        assertThat(new KeyPhraseExtractor().extract(NoticeFixture.modules())).isEqualTo(phrases);
    }

    private static KeyPhrase first(String text) {
        return phrases.stream().filter(phrase -> phrase.text().equals(text)).findFirst()
                .orElseThrow(() -> new AssertionError("no key phrase " + text));
    }
}
