package dev.jirapat.auth;

import org.junit.rules.ExternalResource;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

/**
 * A class rule that captures everything logged during a test class (slf4j-simple writes to {@code System.err};
 * the build turns on DEBUG for {@code dev.jirapat}, so the plugin's quietest lines are captured too) and, when
 * the class is done, fails if any line holds a full token ({@code jpat_[0-9A-Za-z]{49}}). Lines other than
 * DEBUG still reach the console.
 */
public final class TokenLogScan extends ExternalResource {
    static final Pattern FULL_TOKEN = Pattern.compile("jpat_[0-9A-Za-z]{49}");

    private final List<String> lines = new ArrayList<>();
    private PrintStream original;

    @Override
    protected void before() {
        original = System.err;
        System.setErr(new PrintStream(new LineSplitter(), true, StandardCharsets.UTF_8));
    }

    @Override
    protected void after() {
        System.err.flush();
        System.setErr(original);
        List<String> leaks = leaks(snapshot());
        if (!leaks.isEmpty()) {
            fail("log lines contain a full token (shown redacted):\n" + String.join("\n", leaks));
        }
        assertTrue("the capture saw no line from the plugin, so the scan proves nothing",
                snapshot().stream().anyMatch(l -> l.contains("dev.jirapat.auth.")));
    }

    /** Every line captured so far. */
    public synchronized List<String> snapshot() {
        return new ArrayList<>(lines);
    }

    /** The lines holding a full token, with the token redacted. */
    static List<String> leaks(List<String> lines) {
        List<String> out = new ArrayList<>();
        for (String line : lines) {
            Matcher m = FULL_TOKEN.matcher(line);
            if (m.find()) {
                out.add(m.replaceAll("jpat_<REDACTED>"));
            }
        }
        return out;
    }

    private synchronized void add(String line) {
        lines.add(line);
        if (!line.contains("] DEBUG ")) {
            original.println(line);
        }
    }

    private final class LineSplitter extends OutputStream {
        private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();

        @Override
        public synchronized void write(int b) {
            if (b == '\n') {
                add(new String(buffer.toByteArray(), StandardCharsets.UTF_8));
                buffer.reset();
            } else {
                buffer.write(b);
            }
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) {
            for (int i = off; i < off + len; i++) {
                write(b[i]);
            }
        }

        @Override
        public synchronized void flush() {
            if (buffer.size() > 0) {
                add(new String(buffer.toByteArray(), StandardCharsets.UTF_8));
                buffer.reset();
            }
        }
    }
}
