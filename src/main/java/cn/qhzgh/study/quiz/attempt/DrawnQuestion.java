package cn.qhzgh.study.quiz.attempt;

import java.util.List;

/**
 * One question of an attempt: the version asked, and the original option keys in the order this phone
 * shows them (the phone sees them re-lettered A, B, C…).
 */
public record DrawnQuestion(long questionId, int version, List<String> optionKeys) {
}
