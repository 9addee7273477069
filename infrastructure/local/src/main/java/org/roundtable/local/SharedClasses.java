package org.roundtable.local;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.zip.ZipFile;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Runs a Spring Boot executable jar so that its JVM starts from a class-data sharing archive of the classes it loads:
 * the jar is extracted once (the JVM cannot archive classes read from a jar nested in a jar) into
 * {@code <jar's folder>/class-data/<jar's name>-<digest of its entries>/}. A build that repackages the jar with the same
 * entries (the same names, sizes and checksums: every {@code ./mvnw package} writes the jar again) keeps that
 * extraction; a jar with other contents gets a new one, which replaces the earlier. An extraction without
 * an archive yet runs the application recording what it loads, and once the application is ready {@link #writeArchive}
 * has its JVM write the archive ({@code jcmd <pid> VM.cds dynamic_dump}); the starts after that map it. A JVM that finds
 * the archive unusable (another JDK, say) starts without it.
 */
public final class SharedClasses {

    private static final String FOLDER = "class-data";
    private static final String ARCHIVE = "classes.jsa";
    private static final int DIGEST_LENGTH = 16;
    private static final Duration EXTRACTION_TIMEOUT = Duration.ofMinutes(2);
    private static final Duration JCMD_TIMEOUT = Duration.ofMinutes(3);
    private static final Path JCMD = Path.of(System.getProperty("java.home"), "bin", "jcmd");

    private final Path extracted;
    private final Path jar;
    private final Path archive;
    private final Path training;

    private SharedClasses(Path extracted, Path jar, Path archive, Path training) {
        this.extracted = extracted;
        this.jar = jar;
        this.archive = archive;
        this.training = training;
    }

    /**
     * How to run {@code executableJar}: from its extraction (made now if this build of the jar has none yet) with the
     * archive of its classes if an earlier run wrote one, or writing one when it ends otherwise.
     */
    public static SharedClasses forJar(Path executableJar) {
        Path source = executableJar.toAbsolutePath().normalize();
        Path extracted = extraction(source);
        Path archive = extracted.resolve(ARCHIVE);
        Path training = Files.isRegularFile(archive) ? null
                : extracted.resolve(ARCHIVE + "." + UUID.randomUUID() + ".part");
        return new SharedClasses(extracted, extracted.resolve(source.getFileName()), archive, training);
    }

    /** Extracts this build of the jar now, if it has no extraction yet (as {@link #forJar} would). */
    public static void prepare(Path executableJar) {
        extraction(executableJar.toAbsolutePath().normalize());
    }

    /** Whether the JVM this runs records the classes it loads to write the archive, rather than starting from one. */
    public boolean trains() {
        return training != null;
    }

    /** The archive the JVM starts from, or writes. */
    public Path archive() {
        return archive;
    }

    /** The folder the jar is extracted to. */
    public Path extracted() {
        return extracted;
    }

    /**
     * The JVM options that map the archive, or that keep what the JVM needs to write one (the JVM's own notes on the
     * classes it leaves out of it are not logged).
     */
    public List<String> jvmOptions() {
        return trains() ? List.of("-XX:+RecordDynamicDumpInfo", "-Xlog:cds*=error")
                : List.of("-XX:SharedArchiveFile=" + archive);
    }

    /** What follows the JVM options: the extracted application jar, whose manifest names its libraries. */
    public List<String> arguments() {
        return List.of("-jar", jar.toString());
    }

    /**
     * If the running {@code process} was started to record its classes: has its JVM write the archive of every class
     * it has loaded so far, which then becomes the one later starts map, and give back to the system the memory writing
     * it took. Returns whether it wrote one (not if there was nothing to write, the JDK has no {@code jcmd}, or writing
     * failed: then the next start records again).
     */
    public boolean writeArchive(ChildProcess process) {
        if (!trains() || !process.isAlive() || !Files.isExecutable(JCMD)) {
            return false;
        }
        try {
            if (jcmd(process, "VM.cds", "dynamic_dump", training.toString()) && Files.isRegularFile(training) && Files.size(training) > 0) {
                move(training, archive);
                // writing leaves the JVM's native heap hundreds of megabytes larger than it needs
                jcmd(process, "System.trim_native_heap");
                return true;
            }
            return false;
        } catch (IOException | RuntimeException notWritten) {
            return false;
        } finally {
            delete(training);
        }
    }

    private boolean jcmd(ChildProcess process, String... command) {
        Path log = extracted.resolve(training.getFileName() + ".log");
        List<String> arguments = new ArrayList<>(List.of(JCMD.toString(), Long.toString(process.handle().pid())));
        arguments.addAll(List.of(command));
        try {
            return ChildProcess.start(command[0] + " of " + jar.getFileName(), arguments, extracted, java.util.Map.of(), log)
                    .awaitExit(JCMD_TIMEOUT) == 0;
        } finally {
            delete(log);
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException sameFolderAlways) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /**
     * The extraction of this build of the jar, made now if there is none: into a folder of its own first, then moved
     * to its name in one step, so that a stack starting beside this one never runs a half-extracted jar. Extractions
     * of earlier builds of the same jar are removed.
     */
    private static Path extraction(Path jar) {
        Path folder = jar.resolveSibling(FOLDER);
        String name = jar.getFileName().toString().replaceFirst("\\.jar$", "");
        Path extracted;
        try {
            extracted = folder.resolve(name + "-" + contentsDigest(jar));
            if (Files.isRegularFile(extracted.resolve(jar.getFileName()))) {
                return extracted;
            }
            Files.createDirectories(folder);
            removeEarlierBuilds(folder, name, extracted);
            Path fresh = folder.resolve("." + extracted.getFileName() + "." + UUID.randomUUID());
            extract(jar, fresh);
            try {
                Files.move(fresh, extracted, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException | java.nio.file.DirectoryNotEmptyException extractedBeside) {
                delete(fresh);
            }
            return extracted;
        } catch (IOException failure) {
            throw new UncheckedIOException("could not extract " + jar, failure);
        }
    }

    /**
     * What the jar holds, from its central directory alone (no entry is read): each entry's name, size and checksum,
     * which stay the same when a build writes the same contents again with new timestamps.
     */
    private static String contentsDigest(Path jar) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException always) {
            throw new IllegalStateException(always);
        }
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            zip.stream().forEach(entry -> digest.update((entry.getName() + "\0" + entry.getSize() + "\0" + entry.getCrc() + "\n")
                    .getBytes(StandardCharsets.UTF_8)));
        }
        return HexFormat.of().formatHex(digest.digest()).substring(0, DIGEST_LENGTH);
    }

    private static void extract(Path jar, Path destination) {
        List<String> command = ChildProcess.java(List.of("-Djarmode=tools", "-Xshare:auto", "-XX:TieredStopAtLevel=1"),
                List.of("-jar", jar.toString(), "extract", "--destination", destination.toString()));
        Path log = destination.resolveSibling(destination.getFileName() + ".log");
        ChildProcess extraction = ChildProcess.start("the extraction of " + jar.getFileName(), command, jar.getParent(),
                java.util.Map.of(), log);
        int exit = extraction.awaitExit(EXTRACTION_TIMEOUT);
        if (exit != 0 || !Files.isRegularFile(destination.resolve(jar.getFileName()))) {
            String tail = extraction.tail();
            delete(destination);
            delete(log);
            throw new IllegalStateException("could not extract " + jar + " (exit code " + exit + "):\n" + tail);
        }
        delete(log);
    }

    private static void removeEarlierBuilds(Path folder, String name, Path current) throws IOException {
        List<Path> earlier = new ArrayList<>();
        try (Stream<Path> entries = Files.list(folder)) {
            entries.filter(entry -> entry.getFileName().toString().matches(java.util.regex.Pattern.quote(name) + "-[0-9a-f]{" + DIGEST_LENGTH + "}"))
                    .filter(entry -> !entry.equals(current)).forEach(earlier::add);
        }
        earlier.forEach(SharedClasses::delete);
    }

    private static void delete(Path path) {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> files = Files.walk(path)) {
            files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(java.io.File::delete);
        } catch (IOException | UncheckedIOException ignored) {
            // what is left is never run: only a complete extraction under its own name is
        }
    }
}
