package cn.qhzgh.study.console;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The console's one stylesheet: a block left open swallows every rule after it into the enclosing @media. */
class ConsoleStylesTest {

    private static final Path STYLES = Path.of("src/main/resources/META-INF/resources/console/console.css");

    @Test
    void everyBlockIsClosedWhereItsSectionEnds() throws IOException {
        String css = Files.readString(STYLES).replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("\"[^\"\\n]*\"", "\"\"");
        int depth = 0;
        int line = 1;
        for (char c : css.toCharArray()) {
            if (c == '\n') {
                line++;
            } else if (c == '{') {
                depth++;
                assertThat(depth).as("blocks nested deeper than @media { rule { } } at line %d", line)
                        .isLessThanOrEqualTo(2);
            } else if (c == '}') {
                depth--;
                assertThat(depth).as("a } with no block to close at line %d", line).isNotNegative();
            }
        }
        assertThat(depth).as("blocks left open at the end").isZero();
    }
}
