package org.roundtable.benchmarks;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * Roundtable's own code (or of the library called from it) on each sampled stack.
 */
final class HotPaths {

    private static final int TOP = 12;

    private HotPaths() {
    }

    /** The JVM option that makes every application of the stack record itself into {@code folder}. */
    static String recordingOption(Path folder) {
        try {
            Files.createDirectories(folder);
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
        return "-XX:StartFlightRecording:filename=" + folder.toAbsolutePath() + ",dumponexit=true,settings=profile";
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
        try (RecordingFile file = new RecordingFile(recording)) {
            while (file.hasMoreEvents()) {
                RecordedEvent event = file.readEvent();
                String type = event.getEventType().getName();
                if (type.equals("jdk.InitialSystemProperty") && event.getString("key").equals("sun.java.command")) {
                    application = event.getString("value");
                }
                if (!type.equals("jdk.ExecutionSample") || event.getStartTime().isBefore(from) || event.getStartTime().isAfter(to)) {
                    continue;
                }
                RecordedStackTrace stack = event.getStackTrace();
                if (stack == null || stack.getFrames().isEmpty()) {
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
        if (samples == 0) {
            return "";
        }
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT, "%n%s: %d CPU samples while the load ran%n", application, samples));
        text.append("  top frames (self):\n");
        append(text, self, samples);
        text.append("  first Roundtable frame on the stack (-> what it was calling):\n");
        append(text, ours, samples);
        return text.toString();
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
