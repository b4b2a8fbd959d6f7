package cn.qhzgh.study.quiz.generation;

import cn.qhzgh.study.content.GenerationReport;
import cn.qhzgh.study.content.ModuleSnapshot;
import cn.qhzgh.study.content.NoticeQuestions;
import cn.qhzgh.study.quiz.QuizDefaults;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.List;

/** Content's notice imports and module edits call this to regenerate a notice's questions and default quizzes. */
@ApplicationScoped
public class NoticeQuestionDerivation implements NoticeQuestions {

    private final QuestionGenerationService generation;
    private final QuizDefaults quizDefaults;

    public NoticeQuestionDerivation(QuestionGenerationService generation, QuizDefaults quizDefaults) {
        this.generation = generation;
        this.quizDefaults = quizDefaults;
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public GenerationReport derive(long noticeId, String label, List<ModuleSnapshot> modules, String actor,
                                   Instant now) {
        GenerationReport questions = generation.regenerate(noticeId, modules, actor, now);
        quizDefaults.ensure(noticeId, label, modules, now);
        return questions;
    }
}
