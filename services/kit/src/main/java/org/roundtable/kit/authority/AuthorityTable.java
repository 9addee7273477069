package org.roundtable.kit.authority;

import org.axonframework.commandhandling.CommandHandler;
import org.roundtable.events.Role;

import java.lang.reflect.Executable;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The table of who may send each command a service handles, generated from the {@link Authority} declarations, in
 * the form the README shows it between {@code <!-- authority:<service> -->} and {@code <!-- /authority:<service> -->}.
 */
public final class AuthorityTable {

    private static final String HEADER = """
            | command | sent by, acting as | and only when they |
            |---|---|---|
            """;

    private AuthorityTable() {
    }

    /** Every command the given handlers handle (the first parameter of each command handler), by name. */
    public static List<Class<?>> commandsHandledBy(Class<?>... handlers) {
        return Arrays.stream(handlers)
                .flatMap(handler -> Stream.concat(Arrays.stream(handler.getDeclaredMethods()), Arrays.stream(handler.getDeclaredConstructors())))
                .filter(executable -> executable.isAnnotationPresent(CommandHandler.class))
                .map(Executable::getParameterTypes)
                .filter(parameters -> parameters.length > 0)
                .<Class<?>>map(parameters -> parameters[0])
                .distinct()
                .sorted(Comparator.comparing(Class::getSimpleName))
                .toList();
    }

    /** The markdown table for the given commands, each of which must declare its authority. */
    public static String render(List<Class<?>> commands) {
        return HEADER + commands.stream().map(AuthorityTable::row).collect(Collectors.joining());
    }

    /** The table the README holds for a service, or an empty string when it has none. */
    public static String section(String readme, String service) {
        String start = "<!-- authority:" + service + " -->\n";
        String end = "<!-- /authority:" + service + " -->";
        int from = readme.indexOf(start);
        int to = readme.indexOf(end);
        return from < 0 || to < from ? "" : readme.substring(from + start.length(), to);
    }

    private static String row(Class<?> command) {
        Authority authority = Authorities.of(command);
        String roles = Arrays.stream(authority.roles()).map(Role::name).collect(Collectors.joining(", "));
        String relationship = authority.relationship().isBlank() ? "—" : authority.relationship();
        return "| `" + command.getSimpleName() + "` | " + roles + " | " + relationship + " |\n";
    }
}
