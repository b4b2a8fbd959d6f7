package cn.qhzgh.study.quiz.bank;

import cn.qhzgh.study.common.tabular.TabularFormat;
import cn.qhzgh.study.common.tabular.TabularLimits;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Objects;

/**
 * Reads an uploaded quiz bank and checks every question in it. Content problems never throw: they come back as
 * {@link BankProblem}s, each with its row, line or position and field. The caller keeps and closes the stream.
 */
public final class QuestionBankReader {

    private final TabularLimits limits;

    public QuestionBankReader(TabularLimits limits) {
        this.limits = Objects.requireNonNull(limits, "limits");
    }

    public QuestionBankReader() {
        this(TabularLimits.DEFAULTS);
    }

    /** @throws UncheckedIOException only if the stream cannot be read */
    public BankReadResult read(InputStream in, BankFormat format) {
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(format, "format");
        BankCollector collector = new BankCollector(format);
        byte[] content = readBounded(in);
        if (content.length > BankLimits.MAX_FILE_BYTES) {
            collector.report(BankProblem.ofFile("the file is larger than " + BankLimits.MAX_FILE_BYTES / (1024 * 1024)
                    + " MB; split it into several files"));
            return collector.result();
        }
        switch (format) {
            case XLSX -> TabularBankReader.read(content, TabularFormat.XLSX, limits, collector);
            case CSV -> TabularBankReader.read(content, TabularFormat.CSV, limits, collector);
            case JSON -> JsonBankReader.read(content, collector);
            case GIFT -> GiftBankReader.read(content, collector);
            case AIKEN -> AikenBankReader.read(content, collector);
        }
        return collector.result();
    }

    /**
     * The whole file, because the spreadsheet reader may need a second pass (see {@link TabularBankReader});
     * one byte over the limit is enough to know the file is too large.
     */
    private static byte[] readBounded(InputStream in) {
        try {
            return in.readNBytes(BankLimits.MAX_FILE_BYTES + 1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
