package dev.jirapat.token;

import org.junit.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

/**
 * Who may depend on whom, read from the sources: the domain uses the JDK only; the Bearer adapter uses no Jira
 * type (it reaches Jira through the domain's ports and SAL); and the auth, jira and store adapters never use one
 * another, only the domain.
 */
public class PackageRulesTest {
    private static final Path MAIN = Paths.get("src", "main", "java", "dev", "jirapat");
    private static final List<String> ADAPTERS = Arrays.asList("auth", "rest", "web", "jira", "store");
    private static final Pattern IMPORT = Pattern.compile("^import (?:static )?([\\w.]+)", Pattern.MULTILINE);
    private static final Pattern REFERENCE = Pattern.compile("\\bdev\\.jirapat\\.(\\w+)\\.");

    private static List<Path> sources(String pkg) throws IOException {
        try (Stream<Path> files = Files.walk(MAIN.resolve(pkg))) {
            return files.filter(f -> f.toString().endsWith(".java")).sorted().collect(Collectors.toList());
        }
    }

    private static String text(Path file) throws IOException {
        return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
    }

    @Test
    public void domainImportsOnlyTheJdk() throws IOException {
        List<String> offending = new ArrayList<>();
        for (Path file : sources("token")) {
            Matcher m = IMPORT.matcher(text(file));
            while (m.find()) {
                if (!m.group(1).startsWith("java.") && !m.group(1).startsWith("dev.jirapat.token.")) {
                    offending.add(file.getFileName() + ": " + m.group(1));
                }
            }
        }
        assertEquals(new ArrayList<String>(), offending);
    }

    @Test
    public void bearerAdapterUsesNoJiraType() throws IOException {
        List<String> offending = new ArrayList<>();
        for (Path file : sources("auth")) {
            if (text(file).contains("com.atlassian.jira.")) {
                offending.add(file.getFileName().toString());
            }
        }
        assertEquals(new ArrayList<String>(), offending);
    }

    @Test
    public void authJiraAndStoreUseNoOtherAdapter() throws IOException {
        List<String> offending = new ArrayList<>();
        for (String pkg : Arrays.asList("auth", "jira", "store")) {
            List<Path> files = sources(pkg);
            assertTrue(pkg + " has sources", !files.isEmpty());
            for (Path file : files) {
                Matcher m = REFERENCE.matcher(text(file));
                while (m.find()) {
                    String used = m.group(1);
                    if (ADAPTERS.contains(used) && !used.equals(pkg)) {
                        offending.add(pkg + "/" + file.getFileName() + " uses dev.jirapat." + used);
                    }
                }
            }
        }
        assertEquals(new ArrayList<String>(), offending);
    }
}
