package cn.qhzgh.study.common;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The features' example sources are found, and never two of them claim the same error of the same path. */
class ProblemExamplesTest {

    private static final List<String> STATUSES = List.of("400", "401", "403", "404", "409", "412", "413", "415", "422",
            "428", "429", "500", "503");

    @Test
    void everyFeatureWithErrorsOfItsOwnIsFound() {
        assertThat(ProblemExamples.sources()).extracting(source -> source.getClass().getSimpleName())
                .containsExactlyInAnyOrder("CampaignProblemExamples", "ContentProblemExamples", "OrgProblemExamples",
                        "ProgressProblemExamples", "QuizProblemExamples", "StatsProblemExamples");
    }

    @Test
    void atMostOneSourceAnswersForAnyPathAndStatus() throws IOException {
        JsonNode contract = new ObjectMapper(new YAMLFactory()).readTree(Path.of("openapi/openapi.yaml").toFile());
        List<ProblemExampleSource> sources = ProblemExamples.sources();
        List<String> claimedTwice = new ArrayList<>();
        int answered = 0;
        for (String path : (Iterable<String>) contract.path("paths")::fieldNames) {
            for (String status : STATUSES) {
                List<String> owners = sources.stream().filter(s -> s.example(status, path, path) != null)
                        .map(s -> s.getClass().getSimpleName()).toList();
                answered += owners.size();
                if (owners.size() > 1) {
                    claimedTwice.add(status + " " + path + " " + owners);
                }
            }
        }
        assertThat(claimedTwice).isEmpty();
        assertThat(answered).as("errors the features answer for").isGreaterThan(50);
    }
}
