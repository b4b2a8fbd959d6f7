package cn.qhzgh.study.content;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Parses an official document as text (Markdown, plain text, or the text read from DOCX or PDF) into metadata, study modules and review warnings. Stateless and
 * thread-safe; the same input always yields an equal result.
 */
public class NoticeParser {

    private final MetadataExtractor metadataExtractor = new MetadataExtractor();
    private final ParagraphJoiner paragraphJoiner = new ParagraphJoiner();
    private final TextArtifactScanner artifactScanner = new TextArtifactScanner();
    private final ModuleTreeBuilder moduleTreeBuilder;

    /** Modules over 8 minutes at 300 characters a minute are split. */
    public NoticeParser() {
        this(DEFAULT_MAX_MODULE_CHARS);
    }

    public NoticeParser(int maxModuleChars) {
        this.moduleTreeBuilder = new ModuleTreeBuilder(maxModuleChars);
    }

    public static final int DEFAULT_MAX_MODULE_CHARS = 8 * 300;

    /**
     * @throws NoticeFormatException when the text has no numbered structure at all (no 一、, （一） or 1． line)
     */
    public ParsedNotice parse(String markdown) {
        Objects.requireNonNull(markdown, "markdown");
        NoticeFrame frame = metadataExtractor.read(SourceLine.split(markdown));
        List<ImportWarning> warnings = new ArrayList<>(frame.warnings());
        List<SourceParagraph> paragraphs = paragraphJoiner.join(frame.contentLines(), warnings);
        artifactScanner.scan(paragraphs, warnings);
        List<ParsedModule> modules = moduleTreeBuilder.build(paragraphs, warnings);
        // Stable sort: warnings on the same line keep the order in which they were found.
        warnings.sort(Comparator.comparingInt(ImportWarning::line));
        return new ParsedNotice(frame.metadata(), modules, warnings);
    }
}
