package cn.qhzgh.study.quiz.bank;

import cn.qhzgh.study.common.tabular.TabularFormat;
import cn.qhzgh.study.common.tabular.TabularFormatException;
import cn.qhzgh.study.common.tabular.TabularLimits;
import cn.qhzgh.study.common.tabular.TabularReader;
import cn.qhzgh.study.common.tabular.TabularRow;
import cn.qhzgh.study.quiz.question.QuestionDraft;
import cn.qhzgh.study.quiz.question.QuestionOption;
import cn.qhzgh.study.quiz.question.QuestionType;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/** Reads XLSX and CSV banks: a header row, then one question per row (see {@link BankColumns}). */
final class TabularBankReader {

    /** How {@link TabularReader} words a column absent from the header, as opposed to one given twice. */
    private static final String MISSING_COLUMN_MESSAGE = "required column is missing";

    private TabularBankReader() {
    }

    static void read(byte[] content, TabularFormat format, TabularLimits limits, BankCollector collector) {
        try (TabularReader reader = open(content, format, limits)) {
            while (reader.hasNext()) {
                if (!collector.accept(parse(reader.next()))) {
                    return;
                }
            }
        } catch (TabularFormatException e) {
            e.problems().forEach(problem -> collector.report(new BankProblem(problem.row(),
                    problem.column() == null ? "file" : problem.column(), problem.message())));
        }
    }

    /**
     * TabularReader insists on every column it is given, so the file is opened once with all columns and, if only
     * optional ones are absent, again without them. Absent required columns are reported, absent optional ones not.
     */
    private static TabularReader open(byte[] content, TabularFormat format, TabularLimits limits) {
        try {
            return TabularReader.open(new ByteArrayInputStream(content), format, BankColumns.ALL, BankColumns.ALIASES,
                    limits);
        } catch (TabularFormatException e) {
            Predicate<TabularFormatException.Problem> optionalAndAbsent = problem -> problem.column() != null
                    && BankColumns.OPTIONAL.contains(problem.column()) && problem.message().startsWith(MISSING_COLUMN_MESSAGE);
            List<TabularFormatException.Problem> blocking = e.problems().stream().filter(optionalAndAbsent.negate()).toList();
            if (!blocking.isEmpty()) {
                throw new TabularFormatException(blocking);
            }
            List<String> absent = e.problems().stream().map(TabularFormatException.Problem::column).toList();
            List<String> present = BankColumns.ALL.stream().filter(column -> !absent.contains(column)).toList();
            Map<String, List<String>> aliases = BankColumns.ALIASES.entrySet().stream()
                    .filter(alias -> present.contains(alias.getKey()))
                    .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
            return TabularReader.open(new ByteArrayInputStream(content), format, present, aliases, limits);
        }
    }

    private static ParsedQuestion parse(TabularRow row) {
        List<BankProblem> problems = new ArrayList<>();
        String typeText = cell(row, BankColumns.TYPE);
        QuestionType type = BankSyntax.type(typeText).orElse(null);
        if (type == null) {
            problems.add(new BankProblem(row.rowNumber(), BankColumns.TYPE, typeText.isEmpty()
                    ? "is empty; " + BankSyntax.TYPE_HINT
                    : "unknown question type '" + typeText + "'; " + BankSyntax.TYPE_HINT));
        }
        List<String> answer = type == null ? List.of() : BankSyntax.splitAnswer(type, cell(row, BankColumns.ANSWER));
        QuestionDraft draft = new QuestionDraft(type, cell(row, BankColumns.STEM), options(row), answer,
                cell(row, BankColumns.EXPLANATION), cell(row, BankColumns.MODULE_CODE), null,
                BankSyntax.splitTags(cell(row, BankColumns.TAGS)));
        return new ParsedQuestion(row.rowNumber(), draft, problems);
    }

    /** Options up to the last filled option cell, so an empty cell between two filled ones is reported. */
    private static List<QuestionOption> options(TabularRow row) {
        int filled = 0;
        for (int i = 0; i < BankColumns.OPTIONS.size(); i++) {
            if (!cell(row, BankColumns.OPTIONS.get(i)).isEmpty()) {
                filled = i + 1;
            }
        }
        List<QuestionOption> options = new ArrayList<>();
        for (int i = 0; i < filled; i++) {
            options.add(new QuestionOption(BankSyntax.optionKey(i), cell(row, BankColumns.OPTIONS.get(i))));
        }
        return options;
    }

    /** Columns the header left out read as empty. */
    private static String cell(TabularRow row, String column) {
        return row.cells().getOrDefault(column, "");
    }
}
