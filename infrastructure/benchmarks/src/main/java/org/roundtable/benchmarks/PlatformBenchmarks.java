package org.roundtable.benchmarks;

import org.roundtable.platform.SyntheticCitizens.Citizen;
import org.roundtable.testsupport.ApiClient;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * The benchmarks that need the whole platform: it starts the local stack ({@link StackUnderLoad}), gives a thousand
 * synthetic citizens real tokens, opens proposals for endorsement, runs the gateway's overhead (3), command ingest (1)
 * and propagation between services (2), and stops every process it started, whatever happens.
 */
final class PlatformBenchmarks {

    /** 1,000 citizens and 64 proposals: 1,001 and 64 are coprime, as {@link CommandIngest#distinctEndorsements} needs. */
    private static final int CITIZENS = 1_000;
    private static final int PROPOSALS = 64;

    private PlatformBenchmarks() {
    }

    /**
     * @param profile whether every application records itself (JFR); the hot paths of the measured loads are then
     *                printed and written to {@code hot-paths.txt} once the stack has stopped
     */
    static List<Figure> run(Predicate<String> runs, Path root, int portOffset, Duration duration, boolean profile, Path output) {
        List<Figure> figures = new ArrayList<>();
        Path recordings = output.resolve("jfr");
        try (StackUnderLoad stack = StackUnderLoad.start(root, portOffset, profile ? HotPaths.recordingOption(recordings) : "")) {
            List<Citizen> citizens = stack.citizens(1, CITIZENS);
            List<String> proposals = OpenProposals.openForEndorsement(new ApiClient(stack.ports().gatewayUrl()), citizens, PROPOSALS);
            if (runs.test("gateway")) {
                figures.add(GatewayOverhead.run(stack, citizens, proposals, duration, output));
            }
            if (runs.test("ingest")) {
                figures.addAll(CommandIngest.run(stack, citizens, proposals, duration, output));
            }
            if (runs.test("propagation")) {
                figures.addAll(Propagation.run(stack, citizens));
            }
        }
        if (profile) {
            StringBuilder hotPaths = new StringBuilder();
            for (HttpLoad.Window window : HttpLoad.ran()) {
                if (!window.name().contains("warm-up")) {
                    hotPaths.append("\n==== ").append(window.name()).append(" ====");
                    try {
                        hotPaths.append(HotPaths.summarize(recordings, window.from(), window.to()));
                    } catch (RuntimeException unreadable) { // the figures matter more than their profile
                        hotPaths.append("\nthe recordings could not be read: ").append(unreadable);
                    }
                }
            }
            System.out.println(hotPaths);
            try {
                java.nio.file.Files.writeString(output.resolve("hot-paths.txt"), hotPaths);
            } catch (java.io.IOException failure) {
                throw new java.io.UncheckedIOException(failure);
            }
        }
        return figures;
    }
}
