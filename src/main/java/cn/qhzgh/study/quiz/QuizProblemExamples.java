package cn.qhzgh.study.quiz;

import cn.qhzgh.study.common.ProblemExampleSource;

import java.util.List;
import java.util.Map;

import static cn.qhzgh.study.common.ProblemExamples.cell;
import static cn.qhzgh.study.common.ProblemExamples.field;
import static cn.qhzgh.study.common.ProblemExamples.fileTooLarge;
import static cn.qhzgh.study.common.ProblemExamples.ifMatchRequired;
import static cn.qhzgh.study.common.ProblemExamples.problem;
import static cn.qhzgh.study.common.ProblemExamples.staleEtag;
import static cn.qhzgh.study.common.ProblemExamples.unprocessable;

/** The contract's examples of quiz's errors: questions, banks, quizzes, attempts and the rate limit. */
public class QuizProblemExamples implements ProblemExampleSource {

    private static final String QUESTIONS = "/api/v1/admin/questions/";
    private static final String ADMIN_QUIZZES = "/api/v1/admin/quizzes";
    private static final String BANKS = "/api/v1/admin/question-banks";
    private static final String QUIZZES = "/api/v1/quizzes/";
    private static final String ATTEMPTS = "/api/v1/attempts/";

    @Override
    public Map<String, Object> example(String status, String path, String instance) {
        boolean worker = path.startsWith(QUIZZES) || path.startsWith(ATTEMPTS);
        return switch (status) {
            case "403" -> path.startsWith(QUIZZES) ? problem("quiz-not-open", "Forbidden", 403,
                    "This quiz opens at 2022-11-16T00:00:00Z.", instance) : null;
            case "404" -> notFound(path, instance);
            case "409" -> path.startsWith(ATTEMPTS) ? problem("already-submitted", "Conflict", 409,
                    "This attempt was already submitted; start a new attempt to try again.", instance)
                    : path.startsWith(QUIZZES) ? problem("daily-limit", "Conflict", 409,
                    "每日答题 allows one scored attempt per day (Asia/Shanghai); come back tomorrow.", instance)
                    : path.startsWith(ADMIN_QUIZZES + "/") ? problem("quiz-in-use", "Conflict", 409,
                    "Quiz 11 is the FINAL of published campaign 2, which completion requires; close the campaign "
                            + "first.", instance) : null;
            case "412" -> path.startsWith(QUESTIONS) ? staleEtag("question", "\"q11-v3-2f9a6d41c07be583\"", instance)
                    : path.startsWith(ADMIN_QUIZZES + "/") ? staleEtag("quiz", "\"quiz11-r3\"", instance) : null;
            case "428" -> path.startsWith(QUESTIONS) ? ifMatchRequired("question", instance)
                    : path.startsWith(ADMIN_QUIZZES + "/") ? ifMatchRequired("quiz", instance) : null;
            case "413" -> path.equals(BANKS) ? fileTooLarge("question bank", 10L * 1024 * 1024, instance) : null;
            case "422" -> invalidInput(path, instance);
            case "429" -> worker ? problem("rate-limited", "Too Many Requests", 429,
                    "At most 10 quiz starts and submissions per minute; retry in 42 s.", instance) : null;
            default -> null;
        };
    }

    private static Map<String, Object> notFound(String path, String instance) {
        if (path.startsWith(QUESTIONS)) {
            return problem("question-not-found", "Not Found", 404, "No question has the id 11.", instance);
        }
        if (path.startsWith(BANKS + "/")) {
            return problem("bank-not-found", "Not Found", 404, "No question bank has the id 11.", instance);
        }
        if (path.startsWith(ADMIN_QUIZZES + "/")) {
            return problem("quiz-not-found", "Not Found", 404, "No quiz has the id 11.", instance);
        }
        if (path.startsWith(QUIZZES)) {
            return problem("quiz-not-found", "Not Found", 404, "No active quiz has the id 11.", instance);
        }
        if (path.startsWith(ATTEMPTS)) {
            return problem("attempt-not-found", "Not Found", 404,
                    "You have no attempt with the id 3b241101-e2bb-4255-8caf-4136c566a962.", instance);
        }
        return null;
    }

    private static Map<String, Object> invalidInput(String path, String instance) {
        return switch (path) {
            case "/api/v1/attempts/{attemptId}/answers" -> unprocessable("answers-not-in-draw",
                    "Some answers do not fit this attempt; nothing was recorded.", instance,
                    List.of(field("answers[0].response", "'E' is not one of the options [A, B, C, D]")));
            case ADMIN_QUIZZES, ADMIN_QUIZZES + "/{id}", ADMIN_QUIZZES + "/{id}/restore" ->
                    unprocessable("not-enough-questions",
                            "Only 12 approved question(s) match the draw rule; the quiz needs 20.", instance,
                            List.of(field("questionCount", "at most 12 for this draw rule")));
            case BANKS -> unprocessable("invalid-question-bank", "1 problem(s) found; nothing was imported.", instance,
                    List.of(cell(5, "answer", "names option E, which the question does not have")));
            default -> null;
        };
    }
}
