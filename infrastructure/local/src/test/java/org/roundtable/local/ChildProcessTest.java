package org.roundtable.local;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ChildProcessTest {

    @TempDir
    Path work;

    @Test
    void runsToTheEndWithItsEnvironmentAndKeepsWhatItPrintedInTheLog() throws Exception {
        ChildProcess child = shell("greeting", "echo \"hello $WHO\"; exit 3", Map.of("WHO", "table"));

        assertThat(child.awaitExit(Duration.ofSeconds(30))).isEqualTo(3);
        assertThat(Files.readString(child.log())).contains("hello table");
    }

    @Test
    void aProcessThatExitsBeforeItIsReadyFailsTheWaitWithTheEndOfItsLog() {
        ChildProcess child = shell("broken", "echo 'cannot bind the port'; exit 1", Map.of());

        assertThatThrownBy(() -> child.awaitReady(Duration.ofSeconds(30), () -> false))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("broken exited with code 1")
                .hasMessageContaining("cannot bind the port");
    }

    @Test
    void aProcessNeverReadyFailsTheWaitOnceTheTimeHasPassed() {
        ChildProcess child = shell("slow", "echo 'still warming up'; sleep 300", Map.of());
        try {
            assertThatThrownBy(() -> child.awaitReady(Duration.ofMillis(500), () -> false))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("not ready within 0 s: [slow]")
                    .hasMessageContaining("still warming up");
        } finally {
            child.stop(Duration.ofSeconds(5));
        }
    }

    @Test
    void waitsForEachOfSeveralProcessesUntilItIsReady() throws Exception {
        Path flag = work.resolve("flag");
        ChildProcess first = shell("first", "sleep 300", Map.of());
        ChildProcess second = shell("second", "touch " + flag + "; sleep 300", Map.of());
        List<String> readyInTurn = new java.util.ArrayList<>();
        try {
            ChildProcess.awaitReady(List.of(first, second), Duration.ofSeconds(30),
                    child -> child == first ? readyInTurn.contains("second") : Files.exists(flag), child -> readyInTurn.add(child.name()));

            assertThat(readyInTurn).containsExactly("second", "first");
        } finally {
            first.stop(Duration.ofSeconds(5));
            second.stop(Duration.ofSeconds(5));
        }
    }

    @Test
    void stoppingEndsTheProcessAndEveryProcessItStarted() {
        ChildProcess child = shell("parent", "sleep 300 & sleep 300", Map.of());
        child.awaitReady(Duration.ofSeconds(30), () -> child.handle().descendants().findAny().isPresent());
        List<ProcessHandle> started = child.handle().descendants().toList();

        child.stop(Duration.ofSeconds(10));

        assertThat(child.isAlive()).isFalse();
        assertThat(started).isNotEmpty().noneMatch(ProcessHandle::isAlive);
    }

    @Test
    void killingEndsAtOnceTheProcessAndEveryProcessItStartedEvenThoseThatIgnoreBeingAsked() {
        ChildProcess child = shell("stubborn", "trap '' TERM; sleep 300 & sleep 300", Map.of());
        child.awaitReady(Duration.ofSeconds(30), () -> child.handle().descendants().findAny().isPresent());
        List<ProcessHandle> started = child.handle().descendants().toList();
        long killing = System.nanoTime();

        child.kill();

        assertThat(Duration.ofNanos(System.nanoTime() - killing)).isLessThan(Duration.ofSeconds(5));
        assertThat(child.isAlive()).isFalse();
        assertThat(started).isNotEmpty().noneMatch(ProcessHandle::isAlive);
    }

    @Test
    void aProcessRunningPastItsTimeIsEndedAndTheWaitFails() {
        ChildProcess child = shell("endless", "sleep 300", Map.of());

        assertThatThrownBy(() -> child.awaitExit(Duration.ofMillis(500)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("endless did not finish");
        assertThat(child.isAlive()).isFalse();
    }

    private ChildProcess shell(String name, String script, Map<String, String> environment) {
        return ChildProcess.start(name, List.of("sh", "-c", script), work, environment, work.resolve(name + ".log"));
    }
}
