package cn.qhzgh.study.quiz.question;

/** Only APPROVED questions are drawn into quizzes; a question once asked is retired, never deleted. */
public enum QuestionStatus {
    APPROVED, DRAFT, RETIRED
}
