package org.mercurymq.test.docs;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.mercurymq.test.harness.JvmProcess;

/**
 * Every {@code docs/...} citation in the sources resolves, so the docs stand on their own (issue 11, "Docs that stand
 * on their own"). Scans the .java, .md, .sh, .xml, .properties and bin/ scripts of the repository (build output
 * excluded) and fails with the full list of offending citations, file and line:
 * <ul>
 *   <li>a {@code docs/...} path that names no existing file or directory;</li>
 *   <li>a section cited as in {@code docs/protocol/behaviour.md §6} (or "section 6") whose
 *       page has no heading numbered 6;</li>
 *   <li>a citation of the protocol notes outside the repository, or a protocol-note file name
 *       written without its {@code docs/protocol/} directory.</li>
 * </ul>
 */
class DocCitationTest {
    private static final Set<String> SKIPPED_DIRS = Set.of("target", ".git", ".idea", "node_modules", "run");
    private static final Pattern SOURCE_FILE =
            Pattern.compile(".*\\.(java|md|sh|xml|properties|conf|yml|yaml|json)$");
    /** A repository-rooted docs path; the look-behind keeps URLs and other directories' docs/ out. */
    private static final Pattern DOCS_PATH = Pattern.compile("(?<![\\w/.\\-])docs/[\\w./\\-]*[\\w/\\-]");
    /** "§6", "§ 6.5", "section 11" right after a cited page. */
    private static final Pattern SECTION = Pattern.compile("^\\s*(?:§\\s*|section\\s+)(\\d+(?:\\.\\d+)?)");
    private static final String NOTE_NAMES =
            "behaviour|headers|codes|remoting|message-format|store-format|acl|sql92|trace|stats|controller";
    private static final Pattern BARE_NOTE = Pattern.compile("(?<![\\w/.\\-])(" + NOTE_NAMES + ")\\.md");
    /** Built in two parts so this file does not match itself. */
    private static final String OUTSIDE_NOTES = "shared/" + "protocol";

    @Test
    void everyDocsCitationResolves() throws IOException {
        Path root = JvmProcess.repoRoot();
        List<String> problems = new ArrayList<>();
        int citations = 0;
        for (Path file : sourceFiles(root)) {
            String rel = root.relativize(file).toString().replace('\\', '/');
            String text = Files.readString(file, StandardCharsets.UTF_8);
            if (!text.contains("docs/") && !text.contains(".md") && !text.contains(OUTSIDE_NOTES)) {
                continue;
            }
            List<String> lines = text.lines().collect(Collectors.toList());
            boolean insideProtocolDocs = rel.startsWith("docs/protocol/");
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                String where = rel + ":" + (i + 1);
                Matcher m = DOCS_PATH.matcher(line);
                while (m.find()) {
                    citations++;
                    String cited = m.group();
                    Path target = root.resolve(cited);
                    if (!Files.exists(target)) {
                        problems.add(where + ": " + cited + " does not exist");
                        continue;
                    }
                    checkSection(target, cited, line.substring(m.end()), where, problems);
                }
                if (line.contains(OUTSIDE_NOTES)) {
                    problems.add(where + ": cites the protocol notes outside the repository; cite docs/protocol/ instead");
                }
                Matcher bare = BARE_NOTE.matcher(line);
                while (bare.find()) {
                    boolean relativeLinkThatResolves = insideProtocolDocs
                            && Files.exists(file.getParent().resolve(bare.group()));
                    if (!relativeLinkThatResolves) {
                        problems.add(where + ": bare " + bare.group() + "; write docs/protocol/" + bare.group());
                    }
                }
            }
        }
        assertTrue(citations > 100, "the scan found only " + citations + " docs/ citations: is the root right? " + root);
        assertTrue(problems.isEmpty(), problems.size() + " broken documentation citations:\n"
                + String.join("\n", problems));
    }

    private static void checkSection(Path target, String cited, String after, String where, List<String> problems)
            throws IOException {
        Matcher s = SECTION.matcher(after);
        if (!s.find() || !cited.endsWith(".md")) {
            return;
        }
        String number = s.group(1);
        Pattern heading = Pattern.compile("^#{2,4}\\s+" + Pattern.quote(number) + "[.\\s]", Pattern.MULTILINE);
        String text = Files.readString(target, StandardCharsets.UTF_8);
        if (!heading.matcher(text).find()) {
            problems.add(where + ": " + cited + " has no section " + number);
        }
    }

    private static List<Path> sourceFiles(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(p -> !skipped(root, p))
                    .filter(Files::isRegularFile)
                    .filter(p -> SOURCE_FILE.matcher(p.getFileName().toString()).matches()
                            || root.relativize(p).startsWith("bin"))
                    .sorted()
                    .collect(Collectors.toList());
        }
    }

    private static boolean skipped(Path root, Path p) {
        for (Path part : root.relativize(p)) {
            if (SKIPPED_DIRS.contains(part.toString())) {
                return true;
            }
        }
        return false;
    }
}
