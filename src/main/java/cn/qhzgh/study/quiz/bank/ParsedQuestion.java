package cn.qhzgh.study.quiz.bank;

import cn.qhzgh.study.quiz.question.QuestionDraft;
import java.util.List;

/**
 * A question as a format reader understood it, before the shared checks.
 *
 * @param draft    {@code null} when the reader could not make a question of it at all (then {@code problems} says
 *                 why); its type is {@code null} when the type is unknown (also reported in {@code problems})
 * @param problems what the format reader found wrong
 */
record ParsedQuestion(long location, QuestionDraft draft, List<BankProblem> problems) {

    ParsedQuestion {
        problems = List.copyOf(problems);
    }
}
