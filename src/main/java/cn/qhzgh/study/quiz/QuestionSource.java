package cn.qhzgh.study.quiz;

public enum QuestionSource {
    GENERATED, UPLOADED
}
