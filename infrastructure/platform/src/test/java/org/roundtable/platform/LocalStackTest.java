package org.roundtable.platform;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class LocalStackTest {

    @Test
    void aJvmThatRecordsItselfOrTakesAnAgentIsInstrumented() {
        assertThat(LocalStack.instrumented(Map.of("JAVA_TOOL_OPTIONS", "-XX:StartFlightRecording:filename=/tmp/x.jfr"))).isTrue();
        assertThat(LocalStack.instrumented(Map.of("JAVA_TOOL_OPTIONS", "-javaagent:/tmp/agent.jar"))).isTrue();
        assertThat(LocalStack.instrumented(Map.of("JAVA_TOOL_OPTIONS", "-agentpath:/tmp/libprofiler.so=start"))).isTrue();
    }

    @Test
    void anAgentAmongTheExtraOptionsIsInstrumentedToo() {
        assertThat(LocalStack.instrumented(Map.of(LocalStack.EXTRA_JVM_OPTIONS, "-Xmx512m -agentlib:jdwp=transport=dt_socket"))).isTrue();
    }

    @Test
    void extraOptionsAreSplitAtSpacesAndNoneWhenBlank() {
        assertThat(LocalStack.extraJvmOptions(Map.of(LocalStack.EXTRA_JVM_OPTIONS, "  -XX:TieredStopAtLevel=4   -Xmx512m "))).containsExactly(
                "-XX:TieredStopAtLevel=4", "-Xmx512m");
        assertThat(LocalStack.extraJvmOptions(Map.of(LocalStack.EXTRA_JVM_OPTIONS, " "))).isEmpty();
    }

    @Test
    void aPlainJvmIsNotInstrumented() {
        assertThat(LocalStack.instrumented(Map.of())).isFalse();
        assertThat(LocalStack.instrumented(Map.of("ROUNDTABLE_BENCHMARK_USERS", "true", "JAVA_TOOL_OPTIONS", "-Xmx1g"))).isFalse();
    }
}
