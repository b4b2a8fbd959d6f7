package cn.qhzgh.study.quiz.attempt;

import cn.qhzgh.study.common.BusinessMetrics;
import cn.qhzgh.study.common.DbClock;
import cn.qhzgh.study.common.DeferredWritesDue;
import cn.qhzgh.study.common.DirectSql;
import cn.qhzgh.study.common.DomainException;
import cn.qhzgh.study.common.Hashing;
import cn.qhzgh.study.common.ProblemError;
import cn.qhzgh.study.common.retry.RetriedOnLockConflict;
import cn.qhzgh.study.org.WorkerLock;
import cn.qhzgh.study.quiz.Quiz;
import cn.qhzgh.study.quiz.question.QuestionType;
import cn.qhzgh.study.security.Caller;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Scores submissions on the server against the question versions that were asked. Submissions are
 * idempotent per Idempotency-Key: a retry with the same body gets the stored response byte for byte.
 */
@ApplicationScoped
public class SubmissionService {

    private final EntityManager entityManager;
    private final AskedVersions asked;
    private final AttemptRateLimiter rateLimiter;
    private final ObjectMapper json;
    private final Event<AttemptScored> scored;
    private final Event<DeferredWritesDue> deferredWrites;
    private final BusinessMetrics metrics;

    public SubmissionService(EntityManager entityManager, AskedVersions asked, AttemptRateLimiter rateLimiter,
                             ObjectMapper json, Event<AttemptScored> scored, Event<DeferredWritesDue> deferredWrites,
                             BusinessMetrics metrics) {
        this.entityManager = entityManager;
        this.asked = asked;
        this.rateLimiter = rateLimiter;
        this.json = json;
        this.scored = scored;
        this.deferredWrites = deferredWrites;
        this.metrics = metrics;
    }

    /** Returns the response body, exactly as stored. */
    @RetriedOnLockConflict
    @Transactional
    public String submit(Caller caller, String attemptId, String idempotencyKey, SubmissionRequest request) {
        long workerId = AttemptService.requireWorker(caller);
        // The worker's own row, then the attempt: the same order as progress sync, so a worker's records never race.
        long orgId = WorkerLock.acquire(entityManager, workerId);
        QuizAttempt attempt = (QuizAttempt) entityManager.createNativeQuery(
                        "SELECT * FROM quiz_attempt WHERE id = ?1 FOR UPDATE", QuizAttempt.class)
                .setParameter(1, attemptId).getResultStream().findFirst().orElse(null);
        if (attempt == null || attempt.workerId != workerId) {
            throw DomainException.notFound("attempt-not-found", "You have no attempt with the id " + attemptId + ".");
        }
        String requestHash = Hashing.sha256Hex(write(request));
        if (idempotencyKey.equals(attempt.idempotencyKey)) {
            if (requestHash.equals(attempt.requestHash)) {
                return attempt.responseBody;
            }
            throw DomainException.unprocessable("idempotency-key-reused",
                    "This Idempotency-Key was already used with a different body.", List.of(), 0);
        }
        if (attempt.status != AttemptStatus.IN_PROGRESS) {
            throw DomainException.conflict("already-submitted",
                    "This attempt was already submitted; start a new attempt to try again.");
        }
        rateLimiter.acquire(workerId);
        Map<Long, AskedVersions.Asked> versions = asked.of(attempt.draw);
        Map<Long, AnswerRequest> answers = checkAnswers(attempt, versions, request);
        Instant now = DbClock.now();
        boolean late = AttemptService.expired(attempt, now);
        List<AttemptScored.AnsweredQuestion> answered = new ArrayList<>();
        SubmissionResult result = grade(attempt, versions, answers, late, now, answered);
        attempt.status = result.status();
        attempt.openKey = null;
        attempt.submittedAt = now;
        attempt.score = result.score();
        attempt.passed = result.passed();
        attempt.idempotencyKey = idempotencyKey;
        attempt.requestHash = requestHash;
        attempt.responseBody = write(result);
        Quiz quiz = Quiz.findById(attempt.quizId);
        scored.fire(new AttemptScored(attempt.id, workerId, orgId, quiz.id, quiz.noticeId, quiz.campaignId, quiz.kind, quiz.moduleCode,
                result.score(), result.passed(), late, now, answered));
        deferredWrites.fire(new DeferredWritesDue());
        metrics.attemptSubmitted(result.status().name());
        return attempt.responseBody;
    }

    private SubmissionResult grade(QuizAttempt attempt, Map<Long, AskedVersions.Asked> versions,
                                   Map<Long, AnswerRequest> answers, boolean late, Instant now,
                                   List<AttemptScored.AnsweredQuestion> answered) {
        Quiz quiz = Quiz.findById(attempt.quizId);
        List<QuestionResult> results = new ArrayList<>();
        List<AnswerRow> rows = new ArrayList<>();
        int correctCount = 0;
        for (int position = 0; position < attempt.draw.size(); position++) {
            DrawnQuestion drawn = attempt.draw.get(position);
            AskedVersions.Asked version = versions.get(drawn.questionId());
            QuestionType type = version.type();
            AnswerRequest answer = answers.get(drawn.questionId());
            List<String> picked = answer == null ? List.of() : toOriginal(type, drawn, answer.response());
            boolean correct = !late && AttemptScorer.isCorrect(type, version.answer(), picked);
            correctCount += correct ? 1 : 0;
            rows.add(new AnswerRow(position, drawn.questionId(), drawn.version(), write(picked),
                    type == QuestionType.FILL_BLANK ? null : String.join("", picked.stream().sorted().toList()), correct));
            answered.add(new AttemptScored.AnsweredQuestion(drawn.questionId(), correct,
                    type == QuestionType.FILL_BLANK ? List.of() : picked));
            results.add(new QuestionResult(drawn.questionId(), correct, toLetters(type, drawn, version.answer()),
                    version.explanation()));
        }
        storeAnswers(attempt.id, rows);
        int score = late ? 0 : AttemptScorer.score(correctCount, attempt.draw.size());
        return new SubmissionResult(attempt.id, attempt.quizId, late ? AttemptStatus.LATE : AttemptStatus.SUBMITTED,
                score, !late && score >= quiz.passScore, now, results);
    }

    /** One stored answer: what was asked at {@code position} and what the worker picked. */
    private record AnswerRow(int position, long questionId, int questionVersion, String response, String pickedKeys,
                             boolean correct) {
    }

    /** All answers of the attempt in one multi-row insert. */
    private void storeAnswers(String attemptId, List<AnswerRow> rows) {
        if (rows.isEmpty()) {
            return;
        }
        List<Object> values = new ArrayList<>(rows.size() * 7);
        rows.forEach(row -> values.addAll(Arrays.asList(attemptId, row.position(), row.questionId(),
                row.questionVersion(), row.response(), row.pickedKeys(), row.correct())));
        DirectSql.update(entityManager, "INSERT INTO attempt_answer (attempt_id, position, question_id, "
                + "question_version, response, picked_keys, correct) VALUES "
                + DirectSql.values("(?, ?, ?, ?, ?, ?, ?)", rows.size()), values);
    }

    /** Every answer must name a question of this attempt, once, with letters this phone was shown, each once. */
    private static Map<Long, AnswerRequest> checkAnswers(QuizAttempt attempt, Map<Long, AskedVersions.Asked> versions,
                                                         SubmissionRequest request) {
        Map<Long, DrawnQuestion> drawn = attempt.draw.stream()
                .collect(Collectors.toMap(DrawnQuestion::questionId, d -> d));
        Map<Long, AnswerRequest> answers = new HashMap<>();
        List<ProblemError> errors = new ArrayList<>();
        for (int i = 0; i < request.answers().size(); i++) {
            AnswerRequest answer = request.answers().get(i);
            DrawnQuestion question = drawn.get(answer.questionId());
            String field = "answers[" + i + "]";
            if (question == null) {
                errors.add(ProblemError.field(field + ".questionId", "question " + answer.questionId()
                        + " is not part of this attempt"));
            } else if (answers.putIfAbsent(answer.questionId(), answer) != null) {
                errors.add(ProblemError.field(field + ".questionId", "question " + answer.questionId()
                        + " is answered twice"));
            } else if (!question.optionKeys().isEmpty()) {
                Set<String> letters = new HashSet<>();
                for (int k = 0; k < question.optionKeys().size(); k++) {
                    letters.add(AttemptDrawer.letter(k));
                }
                answer.response().stream().filter(r -> !letters.contains(r)).findFirst().ifPresent(bad ->
                        errors.add(ProblemError.field(field + ".response", "'" + bad
                                + "' is not one of the options " + letters.stream().sorted().toList())));
                Set<String> picked = new HashSet<>();
                // A letter sent twice would count twice among the option's picks in item analysis.
                answer.response().stream().filter(letter -> !picked.add(letter)).findFirst().ifPresent(twice ->
                        errors.add(ProblemError.field(field + ".response", "'" + twice + "' is picked twice")));
                QuestionType type = versions.get(answer.questionId()).type();
                if (type != QuestionType.MULTIPLE_CHOICE && picked.size() > 1) {
                    errors.add(ProblemError.field(field + ".response", "a " + type + " question takes one option"));
                }
            }
        }
        if (!errors.isEmpty()) {
            throw DomainException.unprocessable("answers-not-in-draw",
                    "Some answers do not fit this attempt; nothing was recorded.", errors, errors.size());
        }
        return answers;
    }

    private static List<String> toOriginal(QuestionType type, DrawnQuestion drawn, List<String> response) {
        if (type == QuestionType.FILL_BLANK) {
            return response;
        }
        return response.stream().map(letter -> drawn.optionKeys().get(letter.charAt(0) - 'A')).toList();
    }

    private static List<String> toLetters(QuestionType type, DrawnQuestion drawn, List<String> originalKeys) {
        if (type == QuestionType.FILL_BLANK) {
            return originalKeys;
        }
        return originalKeys.stream().map(key -> AttemptDrawer.letter(drawn.optionKeys().indexOf(key))).sorted().toList();
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + value.getClass().getSimpleName(), e);
        }
    }
}
