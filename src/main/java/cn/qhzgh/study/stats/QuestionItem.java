package cn.qhzgh.study.stats;

import java.util.List;

/**
 * Item analysis of one question in a subtree. {@code flag} is set when the item looks broken: nearly everyone
 * gets it wrong, or a distractor is picked more often than the key.
 */
public record QuestionItem(long questionId, String type, String stem, String moduleCode, long asked, long correct,
                           double percentCorrect, List<OptionPicks> options, String flag) {

    public record OptionPicks(String key, String text, boolean isKey, long picks, double share) {
    }
}
