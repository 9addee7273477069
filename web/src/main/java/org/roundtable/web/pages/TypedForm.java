package org.roundtable.web.pages;

import java.util.Map;

/**
 * A form as the page shows it again after a refusal: what was typed and what went wrong. A page with several forms
 * keeps only the one that was sent ({@code ${typed.of('vote')}}); every other form on it shows empty.
 */
public final class TypedForm {

    public static final TypedForm NONE = new TypedForm(null, Map.of(), FormErrors.NONE);

    private final String name;
    private final Map<String, String> input;
    private final FormErrors errors;

    private TypedForm(String name, Map<String, String> input, FormErrors errors) {
        this.name = name;
        this.input = input;
        this.errors = errors;
    }

    static TypedForm sent(String name, Map<String, String> input, FormErrors errors) {
        return new TypedForm(name, Map.copyOf(input), errors);
    }

    /** Problems only: a form bound to an object, whose values the page takes from the object. */
    static TypedForm of(FormErrors errors) {
        return new TypedForm(null, Map.of(), errors);
    }

    /** This form if it is the one that was sent, otherwise an empty one. */
    public TypedForm of(String form) {
        return form.equals(name) ? this : NONE;
    }

    /** Whether this is the form that was sent. */
    public boolean isFor(String form) {
        return form.equals(name);
    }

    public String value(String field) {
        return input.getOrDefault(field, "");
    }

    public boolean is(String field, String value) {
        return value != null && value.equals(input.get(field));
    }

    public boolean has(String field) {
        return errors.has(field);
    }

    public String error(String field) {
        return errors.of(field);
    }

    public FormErrors errors() {
        return errors;
    }
}
