package org.roundtable.events;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class RoundtableEventsTest {

    @Test
    void everyEventRecordOfThisModuleIsCataloguedWithItsOwnType() throws Exception {
        List<Class<?>> eventClasses = eventClassesOfThisModule();

        for (Class<?> eventClass : eventClasses) {
            assertThat(eventClass.isRecord()).as("%s is a record", eventClass.getName()).isTrue();
            assertThat(eventClass.getAnnotation(Published.class)).as("%s is @Published", eventClass.getName()).isNotNull();
            assertThat(RoundtableEvents.CATALOG.contains(eventClass)).as("%s is in RoundtableEvents", eventClass.getName()).isTrue();
        }
        Set<String> types = new HashSet<>();
        for (EventType type : RoundtableEvents.CATALOG.types()) {
            assertThat(types.add(type.value())).as("%s is claimed once", type).isTrue();
            assertThat(RoundtableEvents.CATALOG.classOf(type.value())).isPresent();
        }
        assertThat(RoundtableEvents.CATALOG.eventClasses()).hasSameSizeAs(eventClasses);
    }

    @Test
    void theSourceOfEveryTypeIsTheServiceWhosePackageHoldsTheRecord() {
        for (Class<?> eventClass : RoundtableEvents.CATALOG.eventClasses()) {
            EventType type = RoundtableEvents.CATALOG.typeOf(eventClass);
            assertThat(eventClass.getPackageName()).isEqualTo("org.roundtable.events." + type.source().service());
        }
    }

    private static List<Class<?>> eventClassesOfThisModule() throws IOException, URISyntaxException {
        Path classes = Path.of(RoundtableEvents.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        try (Stream<Path> files = Files.walk(classes)) {
            return files.filter(file -> file.toString().endsWith(".class"))
                    .map(file -> classes.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", ""))
                    .map(RoundtableEventsTest::load)
                    .filter(type -> IntegrationEvent.class.isAssignableFrom(type) && !type.isInterface())
                    .toList();
        }
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, RoundtableEventsTest.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}
