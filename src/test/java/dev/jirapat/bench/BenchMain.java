package dev.jirapat.bench;

import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

import java.util.Collection;
import java.util.TreeMap;
import java.util.Map;

/**
 * Runs the benchmarks ({@code mvn -Pbench}) and prints each score and the ratio to one PBKDF2 verify.
 * Extra JMH command-line options may be passed with {@code -Dbench.args="..."}.
 */
public final class BenchMain {
    public static void main(String[] args) throws Exception {
        CommandLineOptions cli = new CommandLineOptions(args);
        Options options = new OptionsBuilder()
                .include(TokenCheckBench.class.getName())
                .include(StoredTokenCheckBench.class.getName())
                .include(ImportedTokenCheckBench.class.getName())
                .warmupIterations(3).warmupTime(TimeValue.seconds(1))
                .measurementIterations(5).measurementTime(TimeValue.seconds(1))
                .forks(1)
                .parent(cli)
                .build();
        Collection<RunResult> results = new Runner(options).run();
        Map<String, Double> nsPerOp = new TreeMap<>();
        for (RunResult r : results) {
            String label = r.getParams().getBenchmark();
            nsPerOp.put(label.substring(label.lastIndexOf('.') + 1), r.getPrimaryResult().getScore());
        }
        double pbkdf2 = nsPerOp.getOrDefault("pbkdf2Sha1TenThousandRounds", Double.NaN);
        System.out.println();
        System.out.println("== Token check vs Jira's built-in PBKDF2 verify (ns/op, lower is better) ==");
        for (Map.Entry<String, Double> e : nsPerOp.entrySet()) {
            System.out.printf("%-32s %14.1f ns/op   PBKDF2 / this = %,.0fx%n", e.getKey(), e.getValue(), pbkdf2 / e.getValue());
        }
        System.out.println("(goal: PBKDF2 / check >= 1000x for the check a Bearer request runs: checkValidTokenH2Cached)");
    }
}
