package cn.qhzgh.study.quiz;

import java.util.Map;

/**
 * What question generation did on an import: {@code approved} drafts passed the quality gate,
 * {@code rejected} did not (counted by reason); {@code created}, {@code kept} and {@code retired}
 * describe the stored questions.
 */
public record GenerationReport(int keyPhrases, int approved, int rejected, Map<String, Integer> rejectionReasons,
                               int created, int kept, int retired) {
}
