package org.roundtable.benchmarks;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Reads the flight recordings the stack's applications wrote (with {@code -Dbenchmarks.profile=true}) and tells, per
 * application, where its CPU samples fell while a load ran: the top frames by self time, and the first frame of
 * Roundtable's own code (or of the library called from it) on each sampled stack. Then where Roundtable's code waited:
 * the parked threads, monitors and socket reads of 1 ms or more on a stack through Roundtable's code, summed by what
 * waited and on whose behalf, since a request that takes long while the cores are idle waits more than it computes.
 */
final class HotPaths {

    private static final int TOP = 12;
    private static final List<String> WAITS = List.of("jdk.ThreadPark", "jdk.JavaMonitorEnter", "jdk.JavaMonitorWait", "jdk.SocketRead");

    private HotPaths() {
    }

    /** The JVM option that makes every application of the stack record itself into {@code folder}. */
    static String recordingOption(Path folder) {
        try {
            Files.createDirectories(folder);
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
        return "-XX:StartFlightRecording:filename=" + folder.toAbsolutePath() + ",dumponexit=true,settings=profile"
                + WAITS.stream().map(type -> "," + type + "#threshold=1ms").collect(java.util.stream.Collectors.joining());
    }

    /** A summary of every recording in {@code folder}, limited to the samples taken between {@code from} and {@code to}. */
    static String summarize(Path folder, Instant from, Instant to) {
        StringBuilder summary = new StringBuilder();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path recording : files.filter(file -> file.toString().endsWith(".jfr")).sorted().toList()) {
                summary.append(summarizeOne(recording, from, to));
            }
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
        return summary.toString();
    }

    private static String summarizeOne(Path recording, Instant from, Instant to) throws IOException {
        String application = recording.getFileName().toString();
        Map<String, Integer> self = new HashMap<>();
        Map<String, Integer> ours = new HashMap<>();
        int samples = 0;
        Map<String, Duration> waited = new HashMap<>();
        Map<String, Integer> waits = new HashMap<>();
        try (RecordingFile file = new RecordingFile(recording)) {
            while (file.hasMoreEvents()) {
                RecordedEvent event = file.readEvent();
                String type = event.getEventType().getName();
                if (type.equals("jdk.InitialSystemProperty") && event.getString("key").equals("sun.java.command")) {
                    application = event.getString("value");
                }
                if (event.getStartTime().isBefore(from) || event.getStartTime().isAfter(to)) {
                    continue;
                }
                RecordedStackTrace stack = event.getStackTrace();
                if (stack == null || stack.getFrames().isEmpty()) {
                    continue;
                }
                if (WAITS.contains(type)) {
                    waitedFor(type, stack.getFrames()).ifPresent(what -> {
                        waited.merge(what, event.getDuration(), Duration::plus);
                        waits.merge(what, 1, Integer::sum);
                    });
                    continue;
                }
                if (!type.equals("jdk.ExecutionSample")) {
                    continue;
                }
                samples++;
                List<RecordedFrame> frames = stack.getFrames();
                self.merge(name(frames.get(0)), 1, Integer::sum);
                for (int i = 0; i < frames.size(); i++) {
                    if (frames.get(i).getMethod().getType().getName().startsWith("org.roundtable.")) {
                        ours.merge(name(frames.get(i)) + (i > 0 ? " -> " + name(frames.get(i - 1)) : ""), 1, Integer::sum);
                        break;
                    }
                }
            }
        }
        if (samples == 0 && waited.isEmpty()) {
            return "";
        }
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT, "%n%s: %d CPU samples while the load ran%n", application, samples));
        text.append("  top frames (self):\n");
        append(text, self, samples);
        text.append("  first Roundtable frame on the stack (-> what it was calling):\n");
        append(text, ours, samples);
        if (!waited.isEmpty()) {
            text.append("  waits of 1 ms or more through Roundtable's code (summed; count; what waited, in which library call, for which Roundtable frame):\n");
            List<Map.Entry<String, Duration>> longest = new ArrayList<>(waited.entrySet());
            longest.sort(Map.Entry.<String, Duration>comparingByValue(Comparator.reverseOrder()));
            for (Map.Entry<String, Duration> entry : longest.subList(0, Math.min(TOP, longest.size()))) {
                text.append(String.format(Locale.ROOT, "    %8.1f s %7d  %s%n", entry.getValue().toMillis() / 1000.0, waits.get(entry.getKey()), entry.getKey()));
            }
        }
        return text.toString();
    }

    /**
     * A wait on a stack through Roundtable's code, named by its kind, the first frame outside the JDK (the library call
     * that waited: a pool, a driver, a lock) and the first Roundtable frame; empty for a thread that waits for work.
     */
    private static java.util.Optional<String> waitedFor(String type, List<RecordedFrame> frames) {
        String library = null;
        for (RecordedFrame frame : frames) {
            String owner = frame.getMethod().getType().getName();
            if (owner.startsWith("org.roundtable.")) {
                return java.util.Optional.of(type.substring("jdk.".length()) + " in " + (library == null ? name(frames.get(0)) : library)
                        + " for " + name(frame));
            }
            if (library == null && !owner.startsWith("java.") && !owner.startsWith("jdk.") && !owner.startsWith("sun.")) {
                library = name(frame);
            }
        }
        return java.util.Optional.empty();
    }

    private static void append(StringBuilder text, Map<String, Integer> counts, int samples) {
        List<Map.Entry<String, Integer>> sorted = new ArrayList<>(counts.entrySet());
        sorted.sort(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder()));
        for (Map.Entry<String, Integer> entry : sorted.subList(0, Math.min(TOP, sorted.size()))) {
            text.append(String.format(Locale.ROOT, "    %5.1f %%  %s%n", 100.0 * entry.getValue() / samples, entry.getKey()));
        }
    }

    private static String name(RecordedFrame frame) {
        return frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
    }
}
