package cn.qhzgh.study.deploy;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue #13's upgrade check in the build: {@code bench/upgrade/run.sh} builds the jar of the commit before campaigns
 * from this repository's history, lets it fill a throwaway MariaDB through its API (unions, the notice, 40 workers
 * reading and sitting quizzes, real signed tokens), reads every figure of /summary, /children, /modules and each
 * worker's /me/records, then starts the packaged jar on the same database, where Flyway migrates it to campaigns,
 * and compares every figure again. The script prints each comparison; its log is kept in target/.
 */
class UpgradeFromBeforeCampaignsIT {

    private static final Path LOG = Path.of("target", "upgrade-it.log");

    @Test
    void everyFigureReadsTheSameAfterTheCampaignMigration() throws IOException, InterruptedException {
        Path packaged = Path.of("target", "quarkus-app", "quarkus-run.jar").toAbsolutePath();
        assertThat(packaged).as("the packaged jar failsafe runs after package").exists();
        ProcessBuilder upgrade = new ProcessBuilder("bench/upgrade/run.sh").redirectErrorStream(true)
                .redirectOutput(LOG.toFile());
        upgrade.environment().put("JAR", packaged.toString());
        Process run = upgrade.start();
        boolean ended = run.waitFor(15, TimeUnit.MINUTES);
        if (!ended) {
            run.descendants().forEach(ProcessHandle::destroyForcibly);
            run.destroyForcibly();
        }
        List<String> output = Files.readAllLines(LOG);
        assertThat(ended).as("the upgrade check ended within 15 minutes, see " + LOG).isTrue();
        assertThat(output).as("its comparisons, see " + LOG)
                .contains("PASS /summary figures", "PASS /children, every child", "PASS /modules, every module")
                .anyMatch(line -> line.matches("PASS /me/records of \\d+ workers"))
                .contains("upgrade: 5 passed, 0 failed");
        assertThat(run.exitValue()).as("the script's exit code, see " + LOG).isZero();
    }
}
