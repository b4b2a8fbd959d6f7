package cn.qhzgh.study.quiz;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.Instant;

/** What an admin sends to create or replace a quiz; shuffling defaults to on. */
public record QuizRequest(
        @NotBlank @Size(max = 200) String title,
        @NotNull QuizKind kind,
        @Size(min = 1, max = 16) String moduleCode,
        @NotNull @Min(1) @Max(100) Integer questionCount,
        @Valid DrawRule drawRule,
        @NotNull @Min(0) @Max(100) Integer passScore,
        @NotNull @Min(30) @Max(14400) Integer timeLimitSeconds,
        @Min(1) @Max(100) Integer maxAttempts,
        Instant opensAt,
        Instant closesAt,
        Boolean shuffleQuestions,
        Boolean shuffleOptions) {
}
