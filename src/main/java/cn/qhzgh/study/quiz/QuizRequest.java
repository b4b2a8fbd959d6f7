package cn.qhzgh.study.quiz;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

/** What an admin sends to create or replace a quiz; shuffling defaults to on. */
public record QuizRequest(
        @Schema(example = "党的二十大精神学习结业考试")
        @NotBlank @Size(max = 200) String title,
        @Schema(example = "FINAL")
        @NotNull QuizKind kind,
        @Schema(example = "1", nullable = true, description = "The module a MODULE quiz belongs to; required for MODULE "
                + "and refused for the other kinds")
        @Size(min = 1, max = 16) String moduleCode,
        @Schema(example = "20")
        @NotNull @Min(1) @Max(100) Integer questionCount,
        @Schema(example = "{\"moduleCodes\": [\"1\", \"2\"], \"types\": [\"SINGLE_CHOICE\", \"TRUE_FALSE\"], \"tags\": [\"两个确立\"]}")
        @Valid DrawRule drawRule,
        @Schema(example = "60")
        @NotNull @Min(0) @Max(100) Integer passScore,
        @Schema(example = "1200")
        @NotNull @Min(30) @Max(14400) Integer timeLimitSeconds,
        @Schema(example = "3", nullable = true, description = "Attempts a worker may start; none means no limit. "
                + "Refused for a DAILY quiz, which allows one scored attempt a day")
        @Min(1) @Max(100) Integer maxAttempts,
        @Schema(example = "2022-11-16T00:00:00Z", nullable = true, implementation = String.class, format = "date-time",
                description = "From 2000-01-01T00:00:00Z to 2100-01-01T00:00:00Z")
        Instant opensAt,
        @Schema(example = "2022-12-31T15:59:59Z", nullable = true, implementation = String.class, format = "date-time",
                description = "From 2000-01-01T00:00:00Z to 2100-01-01T00:00:00Z, after opensAt")
        Instant closesAt,
        @Schema(example = "true", nullable = true)
        Boolean shuffleQuestions,
        @Schema(example = "true", nullable = true)
        Boolean shuffleOptions) {

    static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");
    static final Instant LATEST = Instant.parse("2100-01-01T00:00:00Z");
    static final String WINDOW_RULE = "must be from " + EARLIEST + " to " + LATEST;

    /** Quiz windows lie in the years a campaign can run; anything else is a typo the database could not store. */
    static boolean outsideWindow(Instant instant) {
        return instant != null && (instant.isBefore(EARLIEST) || instant.isAfter(LATEST));
    }
}
