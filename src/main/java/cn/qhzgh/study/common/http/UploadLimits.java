package cn.qhzgh.study.common.http;

import cn.qhzgh.study.common.tabular.TabularLimits;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.runtime.configuration.MemorySizeConverter;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithConverter;
import io.smallrye.config.WithDefault;

/** What one upload may cost the pod beyond its size: concurrent imports, temporary disk, a spreadsheet's inflation. */
@ConfigMapping(prefix = "study.upload")
public interface UploadLimits {

    /** Imports (notices, question banks, org trees, worker lists) one pod runs at once; the rest get 429. */
    @WithDefault("2")
    int maxConcurrentImports();

    /** The Retry-After of a 429 or 503 for an import. */
    @WithDefault("30")
    int retryAfterSeconds();

    /** Free temporary disk an import leaves untouched: it is refused (503) unless twice its cap fits above this. */
    @WithDefault("512M")
    @WithConverter(MemorySizeConverter.class)
    MemorySize tempSpaceReserve();

    @WithDefault("256")
    int maxCellsPerRow();

    /** Excel's own limit for the text of one cell. */
    @WithDefault("32767")
    int maxCellChars();

    /** The inflated size of all entries of an XLSX workbook together. */
    @WithDefault("1G")
    @WithConverter(MemorySizeConverter.class)
    MemorySize maxXlsxInflated();

    /** How many times larger than its compressed size one XLSX entry may inflate. */
    @WithDefault("100")
    int maxXlsxCompressionRatio();

    /** The inflated size of all parts of a DOCX notice together; POI holds the document in memory. */
    @WithDefault("64M")
    @WithConverter(MemorySizeConverter.class)
    MemorySize maxDocxInflated();

    default TabularLimits docx() {
        return new TabularLimits(maxCellsPerRow(), maxCellChars(), maxDocxInflated().asLongValue(),
                maxXlsxCompressionRatio());
    }

    default TabularLimits tabular() {
        return new TabularLimits(maxCellsPerRow(), maxCellChars(), maxXlsxInflated().asLongValue(),
                maxXlsxCompressionRatio());
    }
}
