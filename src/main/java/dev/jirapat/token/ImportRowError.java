package dev.jirapat.token;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/** One refused row: where it is in the file, why, and the arguments of the reason. Holds no hash or token. */
public final class ImportRowError {
    private final long line;
    private final ImportProblem problem;
    private final List<String> arguments;

    public ImportRowError(long line, ImportProblem problem, String... arguments) {
        this.line = line;
        this.problem = Objects.requireNonNull(problem);
        this.arguments = Collections.unmodifiableList(Arrays.asList(arguments.clone()));
    }

    /** The row's line in a CSV file (the header is line 1), or its position in a JSON array (from 1). */
    public long line() {
        return line;
    }

    public ImportProblem problem() {
        return problem;
    }

    public List<String> arguments() {
        return arguments;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ImportRowError && ((ImportRowError) o).line == line && ((ImportRowError) o).problem == problem
                && ((ImportRowError) o).arguments.equals(arguments);
    }

    @Override
    public int hashCode() {
        return Objects.hash(line, problem, arguments);
    }

    @Override
    public String toString() {
        return "line " + line + ": " + problem + arguments;
    }
}
