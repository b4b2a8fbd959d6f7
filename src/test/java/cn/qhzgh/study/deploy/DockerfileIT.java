package cn.qhzgh.study.deploy;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs after `package` (failsafe): every path the runtime stage copies out of the build stage must exist in what
 * `./mvnw package` produced, since no Docker engine is at hand to try the build.
 */
class DockerfileIT {

    private static final Pattern COPY_FROM_BUILD = Pattern.compile("^COPY --from=build .*?/build/(target/\\S+)\\s+\\S+$");

    @Test
    void everyCopiedBuildOutputExists() throws IOException {
        List<String> lines = Files.readAllLines(Path.of("Dockerfile"));
        List<String> copied = new ArrayList<>();
        for (String line : lines) {
            Matcher m = COPY_FROM_BUILD.matcher(line.strip());
            if (m.matches()) {
                copied.add(m.group(1));
            }
        }
        assertThat(copied).as("COPY --from=build lines").hasSizeGreaterThanOrEqualTo(4);
        for (String source : copied) {
            assertThat(matches(source)).as("%s exists after ./mvnw package", source).isPositive();
        }
    }

    @Test
    void imagesArePinnedTheUserIsNonRootAndThePortIsExposed() throws IOException {
        List<String> lines = Files.readAllLines(Path.of("Dockerfile")).stream().map(String::strip).toList();
        assertThat(lines.stream().filter(l -> l.startsWith("FROM "))).isNotEmpty().allSatisfy(from -> {
            String image = from.split("\\s+")[1];
            assertThat(image).contains(":").doesNotEndWith(":latest");
        });
        assertThat(lines).contains("EXPOSE 8080 9000");
        assertThat(lines.stream().filter(l -> l.startsWith("USER ")).reduce((a, b) -> b).orElseThrow())
                .matches("USER [1-9][0-9]*(:[0-9]+)?");
        assertThat(Files.readAllLines(Path.of(".dockerignore"))).anySatisfy(l -> assertThat(l).startsWith("target"));
    }

    /** Counts files matching a path that may end in a glob such as *.jar. */
    private static long matches(String source) throws IOException {
        Path path = Path.of(source);
        String name = path.getFileName().toString();
        if (!name.contains("*")) {
            return Files.exists(path) ? 1 : 0;
        }
        long count = 0;
        try (DirectoryStream<Path> found = Files.newDirectoryStream(path.getParent(), name)) {
            for (Path ignored : found) {
                count++;
            }
        }
        return count;
    }
}
