package cn.qhzgh.study.stats.report;

import static cn.qhzgh.study.stats.report.ReportSinksTest.SHANGHAI;
import static org.assertj.core.api.Assertions.assertThat;

import cn.qhzgh.study.stats.report.ReportSinksTest.CountingOutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Writes a million rows of six columns, every worker name distinct, and prints the heap after a full GC every
 * 250,000 rows and the peak heap. Too slow for every build: run it on a small heap with
 * {@code ./mvnw test -Dtest=ReportSinksMemoryTest -Dreport.memory=true -DargLine=-Xmx256m}.
 */
@EnabledIfSystemProperty(named = "report.memory", matches = "true")
class ReportSinksMemoryTest {

    private static final int ROWS = 1_000_000;
    private static final int CHECKPOINT_EVERY = 250_000;
    private static final long MIB = 1024 * 1024;
    /** What may stay behind per million rows, such as fastexcel's list of already flushed rows (4 bytes each). */
    private static final long RETAINED_GROWTH_LIMIT = 16 * MIB;
    private static final List<String> ORG_CODES = List.of("QH-XN", "QH-HD", "QH-HB", "QH-HN", "QH-GL", "QH-YS");

    @ParameterizedTest
    @EnumSource(ReportFormat.class)
    void aMillionDistinctRowsNeedNoMoreHeapThanTheFirstQuarter(ReportFormat format) {
        CountingOutputStream out = new CountingOutputStream();
        List<Long> retained = new ArrayList<>();
        Instant start = Instant.parse("2026-11-01T00:00:00Z");
        long begun = System.nanoTime();
        heapPools().forEach(MemoryPoolMXBean::resetPeakUsage);
        try (ReportSink sink = ReportSinks.open(format, out, "workers", SHANGHAI)) {
            sink.header(List.of("工号", "姓名", "单位", "得分", "完成率", "完成时间"));
            for (int i = 1; i <= ROWS; i++) {
                String id = String.format("W%07d", i);
                sink.row(List.of(id, "职工" + id + "号", ORG_CODES.get(i % ORG_CODES.size()), (long) (i % 101),
                        (i % 1000) / 1000.0, start.plusSeconds(i)));
                if (i % CHECKPOINT_EVERY == 0) {
                    retained.add(retainedHeap());
                }
            }
        }
        long peak = heapPools().stream().mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();

        System.out.printf("%s: %,d rows, %,d bytes in %,d ms; heap after GC per 250k rows %s MiB;"
                        + " peak heap %,d MiB of max %,d MiB%n", format, ROWS, out.count,
                (System.nanoTime() - begun) / 1_000_000, retained.stream().map(bytes -> bytes / MIB).toList(),
                peak / MIB, Runtime.getRuntime().maxMemory() / MIB);
        assertThat(retained.get(retained.size() - 1) - retained.get(0)).isLessThan(RETAINED_GROWTH_LIMIT);
    }

    private static long retainedHeap() {
        System.gc();
        Runtime runtime = Runtime.getRuntime();
        return runtime.totalMemory() - runtime.freeMemory();
    }

    private static List<MemoryPoolMXBean> heapPools() {
        return ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP).toList();
    }
}
