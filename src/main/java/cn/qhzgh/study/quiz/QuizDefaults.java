package cn.qhzgh.study.quiz;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

/**
 * The quizzes every imported notice gets: one MODULE quiz per subsection, one FINAL exam and one DAILY quiz.
 * Each is keyed, so a re-import finds rather than duplicates them.
 */
@ApplicationScoped
public class QuizDefaults {

    static final int MODULE_QUESTIONS = 5;
    static final int FINAL_QUESTIONS = 20;
    static final int DAILY_QUESTIONS = 5;

    private final QuestionPool pool;

    public QuizDefaults(QuestionPool pool) {
        this.pool = pool;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public int ensure(long noticeId, String docNumber, List<ModuleSnapshot> modules, Instant now) {
        int created = 0;
        for (ModuleSnapshot module : modules) {
            if (module.code().contains(".")) {
                created += ensure(noticeId + ":MODULE:" + module.code(), now, quiz -> {
                    quiz.kind = QuizKind.MODULE;
                    quiz.moduleCode = module.code();
                    quiz.title = truncate("「" + module.code() + " " + module.title() + "」学习测验");
                    quiz.questionCount = MODULE_QUESTIONS;
                    quiz.passScore = 60;
                    quiz.timeLimitSeconds = 600;
                    quiz.maxAttempts = 3;
                });
            }
        }
        created += ensure(noticeId + ":FINAL", now, quiz -> {
            quiz.kind = QuizKind.FINAL;
            quiz.title = truncate(docNumber + " 学习结业考试");
            quiz.questionCount = FINAL_QUESTIONS;
            quiz.passScore = 80;
            quiz.timeLimitSeconds = 1800;
            quiz.maxAttempts = 3;
        });
        created += ensure(noticeId + ":DAILY", now, quiz -> {
            quiz.kind = QuizKind.DAILY;
            quiz.title = truncate("每日答题 · " + docNumber);
            quiz.questionCount = DAILY_QUESTIONS;
            quiz.passScore = 60;
            quiz.timeLimitSeconds = 300;
        });
        return created;
    }

    private int ensure(String key, Instant now, Consumer<Quiz> shape) {
        if (Quiz.count("defaultKey", key) > 0) {
            return 0;
        }
        Quiz quiz = new Quiz();
        quiz.defaultKey = key;
        quiz.noticeId = Long.valueOf(key.substring(0, key.indexOf(':')));
        quiz.drawModuleCodes = List.of();
        quiz.drawTypes = List.of();
        quiz.drawTags = List.of();
        quiz.shuffleQuestions = true;
        quiz.shuffleOptions = true;
        quiz.active = true;
        quiz.revision = 1;
        quiz.createdAt = now;
        quiz.updatedAt = now;
        shape.accept(quiz);
        quiz.questionCount = Math.max(1, Math.min(quiz.questionCount, pool.count(quiz)));
        quiz.persist();
        return 1;
    }

    private static String truncate(String title) {
        return title.length() <= 200 ? title : title.substring(0, 199) + "…";
    }
}
