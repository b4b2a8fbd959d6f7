package cn.qhzgh.study.quiz.bank;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BankProblemTest {

    @Test
    void bankColumnsBecomePathsOfTheEditBody() {
        assertThat(new BankProblem(1, "option_c", "has the same text as option_a").inJsonBody())
                .isEqualTo(new BankProblem(1, "options[2].text", "has the same text as options[0].text"));
        assertThat(new BankProblem(1, "module_code", "'x' is not a module code such as 0, 3 or 3.1").inJsonBody().field())
                .isEqualTo("moduleCode");
        assertThat(new BankProblem(1, "answer", "names option E, which the question does not have").inJsonBody())
                .isEqualTo(new BankProblem(1, "answer", "names option E, which the question does not have"));
    }
}
