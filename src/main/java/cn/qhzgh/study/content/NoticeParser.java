package cn.qhzgh.study.content;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Parses a notice converted from PDF to markdown into metadata, study modules and review warnings. Stateless and
 * thread-safe; the same input always yields an equal result.
 */
public class NoticeParser {

    private final MetadataExtractor metadataExtractor = new MetadataExtractor();
    private final ParagraphJoiner paragraphJoiner = new ParagraphJoiner();
    private final TextArtifactScanner artifactScanner = new TextArtifactScanner();
    private final ModuleTreeBuilder moduleTreeBuilder = new ModuleTreeBuilder();

    /**
     * @throws NoticeFormatException when the markdown has no doc number or no 一、 section heading
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
