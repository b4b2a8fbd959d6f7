package cn.qhzgh.study.quiz;

import jakarta.validation.constraints.Size;

import java.util.List;

/** Which approved questions a quiz draws from; empty or missing lists mean any. */
public record DrawRule(@Size(max = 30) List<@Size(min = 1, max = 16) String> moduleCodes,
                       List<QuestionType> types,
                       @Size(max = 10) List<@Size(min = 1, max = 32) String> tags) {

    public static final DrawRule ANY = new DrawRule(List.of(), List.of(), List.of());
}
