package cn.qhzgh.study.content;

import java.time.Instant;
import java.util.List;

/**
 * What follows every new text of a notice's published modules, in the same transaction: key phrases, generated
 * questions and the notice's default quizzes. The quiz feature implements it, so that content needs nothing of quiz.
 */
public interface NoticeQuestions {

    /** Re-derives the questions and default quizzes of a notice from its modules' current text. */
    GenerationReport derive(long noticeId, String label, List<ModuleSnapshot> modules, String actor, Instant now);
}
