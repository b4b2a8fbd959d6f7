package cn.qhzgh.study.content;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reports PDF-conversion artifacts inside Chinese text without rewriting them: stray Latin words such as
 * "思想 and 行动" and digits padded with ASCII spaces such as "新时代 10 年".
 */
final class TextArtifactScanner {

    private static final String CJK = "[\\p{IsHan}\\u3001-\\u303F\\uFF01-\\uFF60“”‘’]";
    private static final Pattern LATIN_WORDS = Pattern.compile(
            "(?<=" + CJK + ")[ \\t]*[A-Za-z]+(?:[ \\t]+[A-Za-z]+)*[ \\t]*(?=" + CJK + ")");
    private static final Pattern NUMBER = Pattern.compile(
            "(?<=" + CJK + ")[ \\t]*\\d+(?:\\.\\d+)?%?[ \\t]*(?=" + CJK + ")");
    private static final int EXCERPT_CONTEXT = 4;

    void scan(List<SourceParagraph> paragraphs, List<ImportWarning> warnings) {
        for (SourceParagraph paragraph : paragraphs) {
            scanLatinWords(paragraph, warnings);
            scanSpacedNumbers(paragraph, warnings);
        }
    }

    private static void scanLatinWords(SourceParagraph paragraph, List<ImportWarning> warnings) {
        Matcher matcher = LATIN_WORDS.matcher(paragraph.text());
        while (matcher.find()) {
            String match = matcher.group();
            // Upper-case acronyms written tight against Chinese (APP, GDP) are normal usage, not artifacts.
            if (match.chars().anyMatch(Character::isLowerCase) || isPadded(match)) {
                warnings.add(warning(ImportWarning.LATIN_WORD_IN_CHINESE_TEXT, paragraph, matcher,
                        "中文正文中夹有拉丁字母单词“" + match.strip() + "”，疑为PDF转换残留；原文未改动，请人工核对。"));
            }
        }
    }

    private static void scanSpacedNumbers(SourceParagraph paragraph, List<ImportWarning> warnings) {
        Matcher matcher = NUMBER.matcher(paragraph.text());
        while (matcher.find()) {
            if (isPadded(matcher.group())) {
                warnings.add(warning(ImportWarning.SPACED_NUMBER, paragraph, matcher,
                        "中文正文中的数字“" + matcher.group().strip() + "”两侧带有半角空格，疑为PDF转换残留；原文未改动，请人工核对。"));
            }
        }
    }

    private static boolean isPadded(String match) {
        return !match.equals(match.strip());
    }

    private static ImportWarning warning(String kind, SourceParagraph paragraph, Matcher matcher, String message) {
        String text = paragraph.text();
        String excerpt = text.substring(Math.max(0, matcher.start() - EXCERPT_CONTEXT),
                Math.min(text.length(), matcher.end() + EXCERPT_CONTEXT));
        int wordStart = matcher.start() + (matcher.group().length() - matcher.group().stripLeading().length());
        return new ImportWarning(kind, paragraph.lineAt(wordStart), excerpt, message);
    }
}
