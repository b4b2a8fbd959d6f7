package cn.qhzgh.study.quiz;

import com.fasterxml.jackson.annotation.JsonIgnore;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;

public record AttemptStarted(
        @Schema(example = "3b241101-e2bb-4255-8caf-4136c566a962")
        String attemptId,
        @Schema(example = "7")
        long quizId,
        @Schema(example = "“充分认识学习宣传贯彻党的二十大精神的重大意义”测验")
        String quizTitle,
        @Schema(example = "2022-11-20T01:30:00Z")
        Instant startedAt,
        @Schema(example = "2022-11-20T01:40:00Z")
        Instant deadline,
        List<AttemptQuestion> questions,
        @JsonIgnore boolean created) {
}
