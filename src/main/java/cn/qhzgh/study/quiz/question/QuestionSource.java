package cn.qhzgh.study.quiz.question;

public enum QuestionSource {
    GENERATED, UPLOADED
}
