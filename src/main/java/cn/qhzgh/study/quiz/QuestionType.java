package cn.qhzgh.study.quiz;

public enum QuestionType {
    SINGLE_CHOICE, MULTIPLE_CHOICE, TRUE_FALSE, FILL_BLANK
}
