package dev.jirapat.rest;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * An import's request body, kept in a temporary file (readable by the server's user only, deleted when closed)
 * so that a large export is read twice with a few kilobytes of memory: once to check its shape, once to import.
 * While it is written it is checked as strict UTF-8 (a UTF-8 byte order mark is skipped; UTF-16, UTF-32 and
 * invalid sequences are refused with the number of the first bad byte) and counted against a size limit.
 */
final class ImportBody implements Closeable {
    /** Why the body is refused. */
    enum Problem { TOO_LARGE, NOT_UTF8, INVALID_UTF8, UNREADABLE }

    static final class Refusal extends Exception {
        private static final long serialVersionUID = 1L;
        final Problem problem;
        final long byteNumber;

        Refusal(Problem problem, long byteNumber) {
            super(problem.name(), null, false, false);
            this.problem = problem;
            this.byteNumber = byteNumber;
        }
    }

    private final Path file;
    private final long size;
    private final boolean bom;

    private ImportBody(Path file, long size, boolean bom) {
        this.file = file;
        this.size = size;
        this.bom = bom;
    }

    /** Reads {@code in} to its end (at most {@code maxBytes}; a larger declared length is refused before reading). */
    static ImportBody spool(long contentLength, InputStream in, long maxBytes) throws Refusal, IOException {
        return spool(contentLength, in, maxBytes, java.nio.file.Paths.get(System.getProperty("java.io.tmpdir")));
    }

    /** As {@link #spool(long, InputStream, long)}, with the temporary file in {@code directory}. */
    static ImportBody spool(long contentLength, InputStream in, long maxBytes, Path directory) throws Refusal, IOException {
        if (contentLength > maxBytes) {
            throw new Refusal(Problem.TOO_LARGE, 0);
        }
        Path file = FileSystems.getDefault().supportedFileAttributeViews().contains("posix")
                ? Files.createTempFile(directory, "jirapat-import-", ".tmp",
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))
                : Files.createTempFile(directory, "jirapat-import-", ".tmp");
        try {
            Utf8Check check = new Utf8Check();
            long size = 0;
            try (OutputStream out = Files.newOutputStream(file)) {
                byte[] buffer = new byte[64 * 1024];
                while (in != null) {
                    int n;
                    try {
                        n = in.read(buffer);
                    } catch (IOException | RuntimeException unreadable) {
                        throw new Refusal(Problem.UNREADABLE, 0); // a client that hung up, broken chunking
                    }
                    if (n < 0) {
                        break;
                    }
                    size += n;
                    if (size > maxBytes) {
                        throw new Refusal(Problem.TOO_LARGE, 0);
                    }
                    check.feed(buffer, n);
                    out.write(buffer, 0, n);
                }
            }
            check.finish();
            return new ImportBody(file, size, check.bom);
        } catch (Refusal | IOException | RuntimeException e) {
            Files.deleteIfExists(file);
            throw e;
        }
    }

    long size() {
        return size;
    }

    /** The text from its start, the byte order mark skipped. The caller closes it. */
    Reader reader() throws IOException {
        InputStream in = new BufferedInputStream(Files.newInputStream(file), 64 * 1024);
        if (bom) {
            in.skip(3);
        }
        return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 64 * 1024);
    }

    /** The whole text (for JSON, whose reader takes a string; its bodies are limited to fewer bytes). */
    String text() throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        int start = bom ? 3 : 0;
        return new String(bytes, start, bytes.length - start, StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws IOException {
        Files.deleteIfExists(file);
    }

    /** Strict UTF-8, fed in pieces: knows the number of the first byte that is not part of valid UTF-8. */
    private static final class Utf8Check {
        private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        private final CharBuffer chars = CharBuffer.allocate(64 * 1024);
        private final byte[] first = new byte[4];
        private int firstCount;
        private ByteBuffer pending = ByteBuffer.allocate(0);
        private long consumed;
        boolean bom;

        private boolean checkedStart;

        void feed(byte[] bytes, int n) throws Refusal {
            for (int i = 0; i < n && firstCount < first.length; i++) {
                first[firstCount++] = bytes[i];
            }
            ByteBuffer in = ByteBuffer.allocate(pending.remaining() + n);
            in.put(pending).put(bytes, 0, n).flip();
            if (!checkedStart && firstCount == first.length) {
                checkStart();
            }
            if (checkedStart) {
                decode(in, false);
            }
            pending = in; // an incomplete sequence at the end (or the first bytes) wait for the next piece
        }

        void finish() throws Refusal {
            if (!checkedStart) {
                checkStart();
            }
            decode(pending, true);
            CoderResult flushed = decoder.flush(chars);
            if (flushed.isError()) {
                throw new Refusal(Problem.INVALID_UTF8, consumed + 1);
            }
        }

        /** A UTF-8 byte order mark is skipped; a UTF-16 or UTF-32 one, or a NUL among the first four bytes, is refused. */
        private void checkStart() throws Refusal {
            checkedStart = true;
            if (startsWith(0xEF, 0xBB, 0xBF)) {
                bom = true;
            } else if (startsWith(0xFE, 0xFF) || startsWith(0xFF, 0xFE) || nulInFirstFour()) {
                throw new Refusal(Problem.NOT_UTF8, 0);
            }
        }

        private void decode(ByteBuffer in, boolean end) throws Refusal {
            while (true) {
                int before = in.position();
                CoderResult result = decoder.decode(in, chars, end);
                consumed += in.position() - before;
                if (result.isError()) {
                    throw new Refusal(Problem.INVALID_UTF8, consumed + 1);
                }
                chars.clear();
                if (result.isUnderflow()) {
                    return;
                }
            }
        }

        private boolean startsWith(int... prefix) {
            if (firstCount < prefix.length) {
                return false;
            }
            for (int i = 0; i < prefix.length; i++) {
                if ((first[i] & 0xFF) != prefix[i]) {
                    return false;
                }
            }
            return true;
        }

        private boolean nulInFirstFour() {
            for (int i = 0; i < firstCount; i++) {
                if (first[i] == 0) {
                    return true;
                }
            }
            return false;
        }
    }
}
