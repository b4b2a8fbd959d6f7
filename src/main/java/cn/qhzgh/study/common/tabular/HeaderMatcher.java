package cn.qhzgh.study.common.tabular;

import cn.qhzgh.study.common.tabular.TabularFormatException.Problem;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Finds the expected columns in a header row: case-insensitive, trimmed, BOM-stripped, optional aliases. */
final class HeaderMatcher {

    private final Map<String, List<String>> acceptedNamesByColumn = new LinkedHashMap<>();

    HeaderMatcher(List<String> expectedColumns, Map<String, List<String>> aliases) {
        if (expectedColumns.isEmpty()) {
            throw new IllegalArgumentException("at least one expected column is required");
        }
        Set<String> seen = new HashSet<>();
        for (String column : expectedColumns) {
            List<String> names = new ArrayList<>();
            names.add(column);
            names.addAll(aliases.getOrDefault(column, List.of()));
            for (String name : names) {
                if (!seen.add(normalize(name))) {
                    throw new IllegalArgumentException("header name '" + name + "' is given twice");
                }
            }
            acceptedNamesByColumn.put(column, names);
        }
        for (String aliased : aliases.keySet()) {
            if (!acceptedNamesByColumn.containsKey(aliased)) {
                throw new IllegalArgumentException("aliases given for '" + aliased + "', which is not an expected column");
            }
        }
    }

    List<String> columns() {
        return List.copyOf(acceptedNamesByColumn.keySet());
    }

    /**
     * @return for each expected column, in order, its position in the header row
     * @throws TabularFormatException naming every missing or ambiguous column
     */
    int[] match(SourceRecord header) {
        Map<String, List<Integer>> positionsByName = new HashMap<>();
        for (int position = 0; position < header.cells().size(); position++) {
            positionsByName.computeIfAbsent(normalize(header.cells().get(position)), name -> new ArrayList<>())
                    .add(position);
        }
        int[] positions = new int[acceptedNamesByColumn.size()];
        List<Problem> problems = new ArrayList<>();
        int index = 0;
        for (Map.Entry<String, List<String>> column : acceptedNamesByColumn.entrySet()) {
            List<Integer> found = column.getValue().stream()
                    .flatMap(name -> positionsByName.getOrDefault(normalize(name), List.of()).stream())
                    .toList();
            if (found.size() == 1) {
                positions[index] = found.get(0);
            } else {
                problems.add(new Problem(header.rowNumber(), column.getKey(), describe(found.size(), column.getValue())));
            }
            index++;
        }
        if (!problems.isEmpty()) {
            throw new TabularFormatException(problems);
        }
        return positions;
    }

    private static String describe(int occurrences, List<String> acceptedNames) {
        String accepted = acceptedNames.size() > 1 ? " (accepted headers: " + String.join(", ", acceptedNames) + ")" : "";
        return occurrences == 0
                ? "required column is missing from the header" + accepted
                : "column appears " + occurrences + " times in the header" + accepted;
    }

    private static String normalize(String headerName) {
        return headerName.replace("\uFEFF", "").strip().toLowerCase(Locale.ROOT);
    }
}
