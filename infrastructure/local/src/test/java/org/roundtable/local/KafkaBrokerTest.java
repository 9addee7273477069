package org.roundtable.local;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import static org.assertj.core.api.Assertions.assertThat;

class KafkaBrokerTest {

    @Test
    void spellsOutTheClassPathOfAManifestOnlyJar(@TempDir Path directory) throws Exception {
        Path classes = Files.createDirectories(directory.resolve("lib dir").resolve("classes"));
        Path library = Files.createFile(directory.resolve("lib dir").resolve("library.jar"));
        Path booter = directory.resolve("booter").resolve("booter.jar");
        Files.createDirectories(booter.getParent());
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.CLASS_PATH, "../lib%20dir/classes/ " + library.toUri());
        try (OutputStream out = Files.newOutputStream(booter); JarOutputStream jar = new JarOutputStream(out, manifest)) {
            jar.flush();
        }

        assertThat(KafkaBroker.classPath(booter + File.pathSeparator + classes))
                .containsExactly(booter.toString(), classes.toString(), library.toString());
    }

    @Test
    void keepsAnOrdinaryClassPathAsItIs(@TempDir Path directory) throws Exception {
        Path classes = Files.createDirectories(directory.resolve("classes"));
        Path library = Files.createFile(directory.resolve("library.jar"));

        assertThat(KafkaBroker.classPath(classes + File.pathSeparator + library + File.pathSeparator))
                .containsExactly(classes.toString(), library.toString());
    }
}
