package org.roundtable.local;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs real JVMs on a stand-in for an executable jar: a jar whose main class, asked to {@code extract --destination
 * DIR} as Spring Boot's jar tools are, copies itself there, and otherwise runs until it is stopped.
 */
class SharedClassesTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    Path target;

    /** The stand-in application. */
    public static final class StandIn {

        public static void main(String[] args) throws Exception {
            if (args.length == 3 && args[0].equals("extract") && args[1].equals("--destination")) {
                Path jar = Path.of(StandIn.class.getProtectionDomain().getCodeSource().getLocation().toURI());
                Files.createDirectories(Path.of(args[2]));
                Files.copy(jar, Path.of(args[2]).resolve(jar.getFileName()));
                return;
            }
            System.out.println("running " + new java.util.concurrent.ConcurrentSkipListSet<>(List.of("a", "b")));
            Thread.sleep(Duration.ofMinutes(5).toMillis());
        }
    }

    @Test
    void theFirstRunOfABuildWritesTheArchiveWhenStoppedAndTheNextRunsStartFromIt() throws Exception {
        Path jar = standInJar(FileTime.fromMillis(1_000_000), "");

        SharedClasses first = SharedClasses.forJar(jar);
        assertThat(first.trains()).isTrue();
        assertThat(first.jvmOptions()).contains("-XX:+RecordDynamicDumpInfo");
        assertThat(first.arguments()).containsExactly("-jar", first.extracted().resolve(jar.getFileName()).toString());
        ChildProcess recording = run(first);
        try {
            assertThat(first.writeArchive(recording)).isTrue();
        } finally {
            recording.stop(WAIT);
        }

        assertThat(first.archive()).isRegularFile();
        assertThat(leftovers(first)).isEmpty();
        SharedClasses second = SharedClasses.forJar(jar);
        assertThat(second.trains()).isFalse();
        assertThat(second.extracted()).isEqualTo(first.extracted());
        assertThat(second.jvmOptions()).containsExactly("-XX:SharedArchiveFile=" + first.archive());
        // the JVM says which classes it took from the archive: the stand-in's own among them
        ChildProcess warm = run(second, "-Xlog:class+load=info");
        try {
            warm.awaitReady(WAIT, () -> logContains(warm, "running"));
            assertThat(Files.readString(warm.log()))
                    .containsPattern("SharedClassesTest\\$StandIn source: shared objects file \\(top\\)");
        } finally {
            warm.stop(WAIT);
        }
    }

    @Test
    void aProcessGoneBeforeItWroteTheArchiveLeavesNoneAndTheNextRunRecordsAgain() throws Exception {
        Path jar = standInJar(FileTime.fromMillis(1_000_000), "");

        SharedClasses killed = SharedClasses.forJar(jar);
        ChildProcess gone = run(killed);
        gone.kill();

        assertThat(killed.writeArchive(gone)).isFalse();
        assertThat(killed.archive()).doesNotExist();
        assertThat(leftovers(killed)).isEmpty();
        assertThat(SharedClasses.forJar(jar).trains()).isTrue();
    }

    @Test
    void aJarWrittenAgainWithTheSameContentsKeepsItsExtractionAndArchive() throws Exception {
        Path jar = standInJar(FileTime.fromMillis(1_000_000), "");
        SharedClasses earlier = SharedClasses.forJar(jar);
        writeArchiveOf(earlier);

        standInJar(FileTime.fromMillis(2_000_000), "");
        SharedClasses repackaged = SharedClasses.forJar(jar);

        assertThat(repackaged.extracted()).isEqualTo(earlier.extracted());
        assertThat(repackaged.trains()).isFalse();
    }

    @Test
    void aJarWithOtherContentsIsExtractedAfreshAndTheEarlierExtractionAndArchiveGo() throws Exception {
        Path jar = standInJar(FileTime.fromMillis(1_000_000), "");
        SharedClasses earlier = SharedClasses.forJar(jar);
        writeArchiveOf(earlier);
        assertThat(earlier.archive()).isRegularFile();

        standInJar(FileTime.fromMillis(1_000_000), "a changed resource");
        SharedClasses rebuilt = SharedClasses.forJar(jar);

        assertThat(rebuilt.extracted()).isNotEqualTo(earlier.extracted());
        assertThat(rebuilt.trains()).isTrue();
        assertThat(earlier.extracted()).doesNotExist();
        try (Stream<Path> extractions = Files.list(target.resolve("class-data"))) {
            assertThat(extractions).containsExactly(rebuilt.extracted());
        }
    }

    @Test
    void aJvmGivenAnArchiveItCannotUseStartsWithoutIt() throws Exception {
        Path jar = standInJar(FileTime.fromMillis(1_000_000), "");
        SharedClasses classes = SharedClasses.forJar(jar);
        Files.writeString(classes.archive(), "not an archive");

        SharedClasses damaged = SharedClasses.forJar(jar);
        assertThat(damaged.trains()).isFalse();
        ChildProcess child = run(damaged);
        try {
            child.awaitReady(WAIT, () -> logContains(child, "running"));
        } finally {
            child.stop(WAIT);
        }
    }

    private void writeArchiveOf(SharedClasses classes) {
        ChildProcess recording = run(classes);
        try {
            assertThat(classes.writeArchive(recording)).isTrue();
        } finally {
            recording.stop(WAIT);
        }
    }

    private ChildProcess run(SharedClasses classes, String... options) {
        List<String> jvmOptions = Stream.concat(Stream.of("-Xshare:auto", "-XX:TieredStopAtLevel=1"),
                Stream.concat(Stream.of(options), classes.jvmOptions().stream())).toList();
        ChildProcess started = ChildProcess.start("stand-in", ChildProcess.java(jvmOptions, classes.arguments()), target, Map.of(),
                target.resolve("stand-in-" + System.nanoTime() + ".log"));
        started.awaitReady(WAIT, () -> logContains(started, "running"));
        return started;
    }

    private static boolean logContains(ChildProcess child, String text) {
        try {
            return Files.readString(child.log()).contains(text);
        } catch (java.io.IOException notYet) {
            return false;
        }
    }

    /** What the extraction holds beside the jar, its libraries and the archive. */
    private static List<Path> leftovers(SharedClasses classes) throws Exception {
        try (Stream<Path> files = Files.list(classes.extracted())) {
            return files.filter(file -> !file.getFileName().toString().matches("stand-in-exec\\.jar|lib|classes\\.jsa")).toList();
        }
    }

    /** The stand-in's jar, with a resource holding {@code resource} beside its class. */
    private Path standInJar(FileTime modified, String resource) throws Exception {
        Path jar = target.resolve("stand-in-exec.jar");
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, StandIn.class.getName());
        String entry = StandIn.class.getName().replace('.', '/') + ".class";
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file, manifest);
             InputStream classFile = StandIn.class.getClassLoader().getResourceAsStream(entry)) {
            out.putNextEntry(new JarEntry(entry));
            classFile.transferTo(out);
            out.closeEntry();
            out.putNextEntry(new JarEntry("resource.txt"));
            out.write(resource.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            out.closeEntry();
        }
        Files.setLastModifiedTime(jar, modified);
        return jar;
    }
}
