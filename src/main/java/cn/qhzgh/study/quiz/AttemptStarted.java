package cn.qhzgh.study.quiz;

import com.fasterxml.jackson.annotation.JsonIgnore;

import java.time.Instant;
import java.util.List;

public record AttemptStarted(String attemptId, long quizId, String quizTitle, Instant startedAt, Instant deadline,
                             List<AttemptQuestion> questions, @JsonIgnore boolean created) {
}
