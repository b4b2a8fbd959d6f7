package cn.qhzgh.study.quiz.generation;

import cn.qhzgh.study.quiz.question.TextNormalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Plausible non-members of an enumeration, kept to the members' length give or take one character.
 * Sourced ones are words of the notice carrying the same affix: items of its other enumerations (工匠精神 against
 * the five spirits) and words standing between two 、 in any list (法治建设 in 教育科技人才、法治建设、国家安全).
 * Derived ones borrow stems from another enumeration that shares a stem with this one: 理论创新、实践创新、制度创新
 * shares 理论 and 制度 with the four 自信, so 实践自信 is a plausible non-member of the latter. Stems are only
 * borrowed from lists with a two-character affix, whose stems are nouns like the members' (政治, 文化), not
 * adjectives such as 先进 in 政治性、先进性、群众性.
 */
final class MemberPool {

    private static final String CLAUSE_BOUNDARIES = "[，。；：！？“”《》（）]";
    private static final int MIN_MIDDLE_PARTS = 3;

    private final List<List<String>> lists;
    private final Set<String> listedWords = new TreeSet<>();

    MemberPool(List<KeyPhrase> phrases, List<SourceModule> modules) {
        Map<String, List<String>> byText = new LinkedHashMap<>();
        phrases.stream().filter(phrase -> phrase.kind() == PhraseKind.ENUMERATION)
                .forEach(phrase -> byText.putIfAbsent(phrase.text(), phrase.items()));
        this.lists = List.copyOf(byText.values());
        lists.forEach(listedWords::addAll);
        for (SourceModule module : modules) {
            for (String paragraph : module.paragraphs()) {
                for (String clause : paragraph.split(CLAUSE_BOUNDARIES)) {
                    String[] parts = clause.split("、");
                    // Only parts between two 、 have both ends known.
                    for (int i = 1; parts.length >= MIN_MIDDLE_PARTS && i < parts.length - 1; i++) {
                        listedWords.add(parts[i]);
                    }
                }
            }
        }
    }

    List<String> sourced(KeyPhrase enumeration) {
        Optional<Affix> affix = Affix.of(enumeration.items());
        TreeSet<String> found = new TreeSet<>();
        affix.ifPresent(shared -> listedWords.stream().filter(shared::matches).forEach(found::add));
        return fitting(enumeration, found);
    }

    List<String> derived(KeyPhrase enumeration) {
        Optional<Affix> affix = Affix.of(enumeration.items());
        if (affix.isEmpty()) {
            return List.of();
        }
        Set<String> ownStems = stems(affix.get(), enumeration.items());
        TreeSet<String> found = new TreeSet<>();
        for (List<String> list : lists) {
            Optional<Affix> theirs = Affix.of(list).filter(other -> other.prefix() == affix.get().prefix()
                    && other.text().length() >= 2);
            Set<String> theirStems = theirs.map(other -> stems(other, list)).orElse(Set.of());
            if (theirStems.stream().anyMatch(ownStems::contains)) {
                theirStems.stream().filter(stem -> !ownStems.contains(stem))
                        .forEach(stem -> found.add(affix.get().attach(stem)));
            }
        }
        return fitting(enumeration, found);
    }

    private static Set<String> stems(Affix affix, List<String> items) {
        return items.stream().map(affix::stem).collect(Collectors.toCollection(TreeSet::new));
    }

    private static List<String> fitting(KeyPhrase enumeration, Set<String> candidates) {
        Set<String> members = enumeration.items().stream().map(TextNormalizer::normalize).collect(Collectors.toSet());
        int shortest = enumeration.items().stream().mapToInt(String::length).min().orElse(0);
        int longest = enumeration.items().stream().mapToInt(String::length).max().orElse(0);
        List<String> fitting = new ArrayList<>();
        for (String candidate : candidates) {
            boolean member = members.contains(TextNormalizer.normalize(candidate));
            if (!member && candidate.length() >= shortest - 1 && candidate.length() <= longest + 1) {
                fitting.add(candidate);
            }
        }
        return fitting;
    }
}
