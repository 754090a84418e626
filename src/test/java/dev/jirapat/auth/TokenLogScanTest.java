package dev.jirapat.auth;

import org.junit.Test;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

public class TokenLogScanTest {
    private static final String TOKEN = "jpat_" + "0aZ".repeat(16) + "q";

    @Test
    public void aLineWithAFullTokenIsReportedRedacted() {
        List<String> leaks = TokenLogScan.leaks(Arrays.asList("[qtp-1] INFO x - ok", "[qtp-2] DEBUG x - token " + TOKEN + " used"));
        assertEquals(Collections.singletonList("[qtp-2] DEBUG x - token jpat_<REDACTED> used"), leaks);
    }

    @Test
    public void hintsAndShortFragmentsAreNotLeaks() {
        assertTrue(TokenLogScan.leaks(Arrays.asList("Refused a token from 127.0.0.1: EXPIRED (token jpat_\u2026Ab3x)",
                "jpat_" + "a".repeat(48), "Bearer NjM0NzE2OTk3MDk2")).isEmpty());
    }
}
