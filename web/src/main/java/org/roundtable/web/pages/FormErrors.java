package org.roundtable.web.pages;

import org.roundtable.web.services.ApiProblem;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * What went wrong with a form, for the page: a message beside each field a service named, and the rest above the
 * form. The services' own words are kept for fields (they name the limit broken); what is not about one field is
 * said in this application's words for the status.
 */
public final class FormErrors {

    public static final FormErrors NONE = new FormErrors(Map.of(), List.of());

    private final Map<String, String> fields;
    private final List<String> general;

    private FormErrors(Map<String, String> fields, List<String> general) {
        this.fields = fields;
        this.general = general;
    }

    /** {@code fieldOf} turns a field the service named ({@code ask.money.amount}) into the form's field ({@code askAmount}). */
    public static FormErrors of(ApiProblem problem, UnaryOperator<String> fieldOf, MessageSource messages) {
        Map<String, String> fields = new LinkedHashMap<>();
        List<String> general = new ArrayList<>();
        problem.byField().forEach((field, message) -> {
            if (field.isBlank()) {
                general.add(message);
            } else {
                fields.putIfAbsent(fieldOf.apply(field), sentence(message));
            }
        });
        if (fields.isEmpty() && general.isEmpty()) {
            String said = messages.getMessage("problem." + problem.status(), null, messages.getMessage("problem.other", null,
                    LocaleContextHolder.getLocale()), LocaleContextHolder.getLocale());
            general.add(problem.detail() == null || problem.detail().isBlank() ? said : said + " " + sentence(problem.detail()));
        }
        return new FormErrors(fields, general);
    }

    public static FormErrors general(String message) {
        return new FormErrors(Map.of(), List.of(message));
    }

    public boolean any() {
        return !fields.isEmpty() || !general.isEmpty();
    }

    public boolean has(String field) {
        return fields.containsKey(field);
    }

    public String of(String field) {
        return fields.get(field);
    }

    public Map<String, String> fields() {
        return fields;
    }

    public List<String> general() {
        return general;
    }

    private static String sentence(String message) {
        if (message == null || message.isBlank()) {
            return "";
        }
        String trimmed = message.strip();
        String capital = Character.toUpperCase(trimmed.charAt(0)) + trimmed.substring(1);
        return capital.endsWith(".") ? capital : capital + ".";
    }
}
