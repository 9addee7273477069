package org.roundtable.web.pages;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.roundtable.web.security.People;
import org.roundtable.web.services.ApiProblem;
import org.roundtable.web.services.ReadModel;
import org.roundtable.web.services.Services;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.support.RequestContextUtils;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * What every form does: sends one command as the signed-in person in their role, with the form's idempotency key (a
 * second submission of the same rendering is answered as the first), then either shows the page again with the
 * service's problems beside the fields it named and what was typed kept, or goes back to the page it watches once the
 * page shows the effect, saying so, or says the change is being recorded.
 * <pre>
 * return forms.submit("vote", input)
 *         .command(() -> services.post(...))
 *         .watching(caseWatched)
 *         .done("done.vote")
 *         .send(model, () -> casePage(id, model));
 * </pre>
 */
@Component("forms")
public class FormActions {

    /** The hidden field each rendering of a form carries ({@code ~{fields :: key}}). */
    public static final String KEY_FIELD = "idempotencyKey";

    private final Services services;
    private final People people;
    private final ReadModel readModel;
    private final MessageSource messages;

    FormActions(Services services, People people, ReadModel readModel, MessageSource messages) {
        this.services = services;
        this.people = people;
        this.readModel = readModel;
        this.messages = messages;
    }

    /** A fresh idempotency key for one rendering of a form. */
    public String key() {
        return UUID.randomUUID().toString();
    }

    Submission submit(String form, Map<String, String> input) {
        return new Submission(form, input);
    }

    /** A refusal made here, before anything is sent: {@code field} named with this application's message. */
    ApiProblem invalid(String field, String messageKey) {
        return new ApiProblem(400, "", null, List.of(new ApiProblem.FieldProblem(field, say(messageKey))));
    }

    /** A number typed into {@code field} (thousands separators allowed): {@code null} when blank, refused when not a number. */
    BigDecimal decimal(String typed, String field, String messageKey) {
        return read(typed, field, messageKey, text -> new BigDecimal(text.replace(",", "")));
    }

    /** A whole number typed into {@code field}: {@code null} when blank, refused when not one. */
    Integer whole(String typed, String field, String messageKey) {
        return read(typed, field, messageKey, Integer::valueOf);
    }

    /** A day typed as {@code 2027-03-31}: {@code null} when blank, refused when not a day. */
    LocalDate day(String typed, String field, String messageKey) {
        return read(typed, field, messageKey, LocalDate::parse);
    }

    /** A date and time from a {@code datetime-local} field, where Roundtable's people live: refused when blank or not one. */
    Instant time(String typed, String field, String messageKey) {
        Instant time = read(typed, field, messageKey, text -> LocalDateTime.parse(text).atZone(Dates.LOCAL).toInstant());
        if (time == null) {
            throw invalid(field, messageKey);
        }
        return time;
    }

    /** Several entries typed into one field, separated by commas, spaces or lines. */
    static List<String> entries(String typed) {
        return Arrays.stream(typed.split("[,\\s]+")).map(String::strip).filter(entry -> !entry.isEmpty()).toList();
    }

    private <T> T read(String typed, String field, String messageKey, Function<String, T> parse) {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        try {
            return parse.apply(typed.strip());
        } catch (NumberFormatException | DateTimeParseException unreadable) {
            throw invalid(field, messageKey);
        }
    }

    String say(String key, Object... arguments) {
        return messages.getMessage(key, arguments, LocaleContextHolder.getLocale());
    }

    public final class Submission {

        private final String form;
        private final Map<String, String> input;
        private Supplier<Optional<String>> command;
        private Watched page;
        private Function<String, Watched> created;
        private String done;
        private UnaryOperator<String> fieldOf = UnaryOperator.identity();
        private boolean mayChangeNothing;

        private Submission(String form, Map<String, String> input) {
            this.form = form;
            this.input = input;
        }

        Submission command(Runnable command) {
            this.command = () -> {
                command.run();
                return Optional.empty();
            };
            return this;
        }

        /** A command that creates something: the page to go to is the new thing's, known once the service answers. */
        Submission creating(Supplier<Optional<String>> command, Function<String, Watched> created) {
            this.command = command;
            this.created = created;
            return this;
        }

        Submission watching(Watched page) {
            this.page = page;
            return this;
        }

        /** The message key of what the page says once the change shows. */
        Submission done(String messageKey) {
            this.done = messageKey;
            return this;
        }

        /** A command that may leave the page as it was (saving what is already there): done once the wait is over. */
        Submission mayChangeNothing() {
            this.mayChangeNothing = true;
            return this;
        }

        /** Turns a field the service named into the form's field. */
        Submission fields(UnaryOperator<String> fieldOf) {
            this.fieldOf = fieldOf;
            return this;
        }

        /** Sends the command; on a refusal, {@code page} renders the page with the form as typed. */
        String send(Model model, Supplier<String> shownAgain) {
            people.acting();
            String before = page == null ? Watched.MISSING : fingerprint(page);
            Optional<String> id;
            try {
                id = services.once(idempotencyKey(), command);
            } catch (ApiProblem problem) {
                if (!stillBeingCarriedOut(problem)) {
                    return refused(problem, model, shownAgain);
                }
                id = Optional.empty();
            }
            Watched target = page != null ? page : created.apply(id.orElseThrow(() ->
                    new ApiProblem(502, "", "the service gave no id", List.of())));
            if (readModel.awaitChange(target.fingerprint(), before) || mayChangeNothing) {
                RequestContextUtils.getOutputFlashMap(request()).put("done", done);
                return "redirect:" + target.location();
            }
            return "redirect:" + target.location() + (target.location().contains("?") ? "&" : "?") + "recording=" + before;
        }

        private String refused(ApiProblem problem, Model model, Supplier<String> page) {
            response().setStatus(problem.status() >= 400 && problem.status() < 500 ? problem.status() : 502);
            FormErrors errors = FormErrors.of(problem, fieldOf, messages);
            model.addAttribute("typed", TypedForm.sent(form, input, errors));
            model.addAttribute("errors", errors);
            return page.get();
        }
    }

    private static String fingerprint(Watched page) {
        try {
            return page.fingerprint().get();
        } catch (ApiProblem notReadable) {
            return Watched.MISSING;
        }
    }

    /** The same form sent twice at once: the first is being carried out, and the page will show it. */
    private static boolean stillBeingCarriedOut(ApiProblem problem) {
        return problem.status() == 409 && "Request in progress".equals(problem.title());
    }

    private static String idempotencyKey() {
        String key = request().getParameter(KEY_FIELD);
        return key != null && key.matches("[\\x21-\\x7e]{1,255}") ? key : null;
    }

    private static HttpServletRequest request() {
        return ((ServletRequestAttributes) RequestContextHolder.currentRequestAttributes()).getRequest();
    }

    private static HttpServletResponse response() {
        return ((ServletRequestAttributes) RequestContextHolder.currentRequestAttributes()).getResponse();
    }
}
