package cn.qhzgh.study;

import cn.qhzgh.study.common.DbClock;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packages' dependencies run one way, in the order README's Architecture section writes down. Reads the compiled
 * main classes (target/classes): each class file's constant pool names the classes it uses.
 */
class PackageDependenciesTest {

    private static final String ROOT = "cn.qhzgh.study.";
    private static final Pattern DESCRIBED_CLASS = Pattern.compile("L(cn/qhzgh/study/[\\w/$]+)[;<]");
    private static final Pattern ORDER = Pattern.compile("`([a-z., ]+(?:←[a-z., ]+)+)`");

    /** Class → the classes of this project it uses, all named below {@link #ROOT}, e.g. quiz.Quiz. */
    private static Map<String, Set<String>> uses;
    private static String architecture;

    @BeforeAll
    static void read() throws Exception {
        Path classes = Path.of(DbClock.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        uses = new TreeMap<>();
        try (Stream<Path> files = Files.walk(classes.resolve(ROOT.replace('.', '/')))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String path = classes.relativize(file).toString();
                String name = path.substring(0, path.length() - ".class".length()).replace('/', '.');
                Set<String> named = namedClasses(Files.readAllBytes(file)).stream().filter(n -> !n.equals(name))
                        .map(n -> n.substring(ROOT.length())).collect(Collectors.toCollection(TreeSet::new));
                uses.put(name.substring(ROOT.length()), named);
            }
        }
        assertThat(uses).as("compiled classes under " + classes).hasSizeGreaterThan(100);
        String readme = Files.readString(classes.getParent().getParent().resolve("README.md"));
        int start = readme.indexOf("\n## Architecture\n");
        assertThat(start).as("README's ## Architecture section").isNotNegative();
        int end = readme.indexOf("\n## ", start + 1);
        architecture = readme.substring(start, end < 0 ? readme.length() : end);
    }

    @Test
    void topLevelPackagesFormNoCycle() {
        Map<String, Map<String, List<Edge>>> links = new TreeMap<>();
        for (Edge edge : edges()) {
            if (!top(edge.from()).equals(top(edge.to()))) {
                links.computeIfAbsent(top(edge.from()), p -> new TreeMap<>())
                        .computeIfAbsent(top(edge.to()), p -> new ArrayList<>()).add(edge);
            }
        }
        List<String> reported = new ArrayList<>();
        Set<String> covered = new HashSet<>();
        for (List<String> cycle : cyclesShortestFirst(links)) {
            // one cycle per set of packages that reach each other: fixing it shows the next
            if (covered.contains(cycle.get(0))) {
                continue;
            }
            links.keySet().stream().filter(p -> !shortestPath(links, cycle.get(0), p).isEmpty()
                    && !shortestPath(links, p, cycle.get(0)).isEmpty()).forEach(covered::add);
            StringBuilder text = new StringBuilder(String.join(" -> ", cycle));
            for (int i = 0; i + 1 < cycle.size(); i++) {
                List<Edge> classEdges = links.get(cycle.get(i)).get(cycle.get(i + 1));
                text.append("\n    ").append(cycle.get(i)).append(" -> ").append(cycle.get(i + 1)).append(": ")
                        .append(classEdges.stream().limit(5).map(Edge::toString).collect(Collectors.joining(", ")))
                        .append(classEdges.size() > 5 ? " and " + (classEdges.size() - 5) + " more" : "");
            }
            reported.add(text.toString());
        }
        assertThat(reported).as("cycles between feature packages, with the class edges of each link").isEmpty();
    }

    /**
     * For every link on a cycle, the shortest cycle through it (first package repeated at the end); shortest first,
     * then thinnest first link, which is most likely the back-reference.
     */
    private static List<List<String>> cyclesShortestFirst(Map<String, Map<String, List<Edge>>> links) {
        List<List<String>> cycles = new ArrayList<>();
        links.forEach((from, targets) -> targets.keySet().forEach(to -> {
            List<String> back = shortestPath(links, to, from);
            if (!back.isEmpty()) {
                List<String> cycle = new ArrayList<>(List.of(from));
                cycle.addAll(back);
                cycles.add(cycle);
            }
        }));
        cycles.sort(Comparator.<List<String>>comparingInt(List::size)
                .thenComparingInt(cycle -> links.get(cycle.get(0)).get(cycle.get(1)).size()));
        return cycles;
    }

    /** The packages from start to goal along the fewest links, both included; empty when goal is out of reach. */
    private static List<String> shortestPath(Map<String, Map<String, List<Edge>>> links, String start, String goal) {
        Map<String, String> cameFrom = new HashMap<>(Map.of(start, start));
        ArrayDeque<String> queue = new ArrayDeque<>(List.of(start));
        while (!queue.isEmpty()) {
            String at = queue.poll();
            if (at.equals(goal)) {
                LinkedList<String> path = new LinkedList<>();
                for (String p = goal; !p.equals(start); p = cameFrom.get(p)) {
                    path.addFirst(p);
                }
                path.addFirst(start);
                return path;
            }
            for (String next : links.getOrDefault(at, Map.of()).keySet()) {
                if (cameFrom.putIfAbsent(next, at) == null) {
                    queue.add(next);
                }
            }
        }
        return List.of();
    }

    @Test
    void readmeOrderHoldsForEveryEdge() {
        Matcher orders = ORDER.matcher(architecture);
        int checked = 0;
        while (orders.find()) {
            checkOrder(orders.group(1));
            checked++;
        }
        assertThat(checked).as("orders `a ← b, c ← d` in README's Architecture section").isPositive();
    }

    /** Every edge between two of the order's packages goes left: to a package of an earlier group. */
    private static void checkOrder(String order) {
        Map<String, Integer> level = new LinkedHashMap<>();
        String[] groups = order.split("←");
        for (int i = 0; i < groups.length; i++) {
            for (String name : groups[i].split(",")) {
                assertThat(level.put(name.strip(), i)).as(name.strip() + " twice in `" + order + "`").isNull();
            }
        }
        String base = commonParent(level.keySet());
        Set<String> unlisted = uses.keySet().stream().map(c -> childOf(base, c)).filter(p -> p != null)
                .filter(p -> !level.containsKey(p)).collect(Collectors.toCollection(TreeSet::new));
        assertThat(unlisted).as("packages `" + order + "` leaves out").isEmpty();
        List<String> upward = edges().stream()
                .filter(edge -> {
                    String from = childOf(base, edge.from());
                    String to = childOf(base, edge.to());
                    return from != null && to != null && !from.equals(to) && level.get(to) >= level.get(from);
                })
                .map(Edge::toString).toList();
        assertThat(upward).as("class edges against README's `" + order + "`").isEmpty();
    }

    /** The package all of an order's names sit in: "" for the features, "quiz" for quiz and its sub-packages. */
    private static String commonParent(Set<String> names) {
        String first = names.iterator().next();
        String parent = first.contains(".") ? first.substring(0, first.indexOf('.')) : first;
        boolean shared = names.stream().allMatch(n -> n.equals(parent) || n.startsWith(parent + "."));
        return shared && names.size() > 1 ? parent : "";
    }

    /**
     * The order's name for a class: its package one level below base, or base itself for a class right in base;
     * null outside base.
     */
    private static String childOf(String base, String className) {
        String pkg = className.substring(0, Math.max(className.lastIndexOf('.'), 0));
        if (base.isEmpty()) {
            return pkg.isEmpty() ? null : top(className);
        }
        if (pkg.equals(base)) {
            return base;
        }
        if (!pkg.startsWith(base + ".")) {
            return null;
        }
        String rest = pkg.substring(base.length() + 1);
        return base + "." + (rest.contains(".") ? rest.substring(0, rest.indexOf('.')) : rest);
    }

    private static String top(String className) {
        return className.substring(0, Math.max(className.indexOf('.'), 0));
    }

    private static List<Edge> edges() {
        List<Edge> edges = new ArrayList<>();
        uses.forEach((from, targets) -> targets.forEach(to -> edges.add(new Edge(from, to))));
        return edges;
    }

    private record Edge(String from, String to) {
        @Override
        public String toString() {
            return ROOT + from + " -> " + ROOT + to;
        }
    }

    /**
     * The project's classes a class file names: its CONSTANT_Class entries, and the class names in every descriptor
     * and signature (fields, methods, generics, annotations). String constants are left out: text is not a use.
     */
    static Set<String> namedClasses(byte[] classFile) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(classFile));
        if (in.readInt() != 0xCAFEBABE) {
            throw new IOException("not a class file");
        }
        in.readUnsignedShort();
        in.readUnsignedShort();
        int count = in.readUnsignedShort();
        String[] utf8 = new String[count];
        List<Integer> classNames = new ArrayList<>();
        Set<Integer> strings = new HashSet<>();
        for (int i = 1; i < count; i++) {
            int tag = in.readUnsignedByte();
            switch (tag) {
                case 1 -> utf8[i] = in.readUTF();
                case 7 -> classNames.add(in.readUnsignedShort());
                case 8 -> strings.add(in.readUnsignedShort());
                case 16, 19, 20 -> in.readUnsignedShort();
                case 15 -> in.skipNBytes(3);
                case 3, 4, 9, 10, 11, 12, 17, 18 -> in.skipNBytes(4);
                case 5, 6 -> {
                    in.skipNBytes(8);
                    i++; // a long or double takes two entries
                }
                default -> throw new IOException("unknown constant pool tag " + tag);
            }
        }
        Set<String> named = new HashSet<>();
        for (int index : classNames) {
            String name = utf8[index];
            if (name.startsWith(ROOT.replace('.', '/'))) {
                named.add(name.replace('/', '.'));
            }
        }
        for (int i = 1; i < count; i++) {
            if (utf8[i] != null && !strings.contains(i)) {
                Matcher described = DESCRIBED_CLASS.matcher(utf8[i]);
                while (described.find()) {
                    named.add(described.group(1).replace('/', '.'));
                }
            }
        }
        return named;
    }
}
