package cn.qhzgh.study.quiz.attempt;

import com.fasterxml.jackson.annotation.JsonIgnore;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;

public record AttemptStarted(
        @Schema(required = true, example = "3b241101-e2bb-4255-8caf-4136c566a962")
        String attemptId,
        @Schema(required = true, example = "7")
        long quizId,
        @Schema(required = true, example = "“充分认识学习宣传贯彻党的二十大精神的重大意义”测验")
        String quizTitle,
        @Schema(required = true, example = "2022-11-20T01:30:00Z")
        Instant startedAt,
        @Schema(required = true, example = "2022-11-20T01:40:00Z")
        Instant deadline,
        @Schema(required = true)
        List<AttemptQuestion> questions,
        @JsonIgnore boolean created) {
}
