package org.roundtable.proposals.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a proposal's text for deficit-only language and suggests the asset-based framing, after the contrast drawn
 * in asset-based practice between a deficit model (disadvantage, lack, need, dependence, isolation, illness) and a
 * positive one (strengths, assets, opportunity, agency, networks, well-being). It advises; it never blocks.
 */
public final class FramingGuide {

    /** One deficit framing and what it can become. */
    public record Reframe(String deficit, List<String> assetBased, String why, Pattern pattern) {
    }

    /** A place in the text where deficit language was found. */
    public record Finding(String found, int start, int end, String deficit, List<String> assetBased, String why) {
    }

    /**
     * @param deficitOnly the text names deficits and none of the strengths it could build on
     */
    public record Advice(List<Finding> findings, List<String> strengthsNamed, boolean deficitOnly) {
    }

    private static final List<Reframe> REFRAMES = List.of(
            reframe("disadvantage", List.of("strengths"),
                    "labelling people or places only by what is wrong hides what they can do",
                    "disadvantaged", "disadvantages?", "deprivation", "deprived"),
            reframe("lack", List.of("assets", "what people already have"),
                    "change lasts when it grows from assets people already hold",
                    "lacks?", "lacking", "deficits?", "shortages?"),
            reframe("need", List.of("opportunity", "goals"),
                    "need alone measures what is absent; opportunity names what can happen",
                    "needs?", "needy"),
            reframe("dependence", List.of("agency", "resilience", "independence"),
                    "people are actors with potential, not units things are done to",
                    "dependen(?:ce|cy|t)", "co-dependen(?:ce|cy|t)", "helpless(?:ness)?"),
            reframe("isolation", List.of("networks", "connections and ties", "social capital"),
                    "people have ties of family, friendship and place worth nurturing",
                    "isolat(?:ion|ed)", "lonel(?:y|iness)"),
            reframe("illness", List.of("health", "well-being", "flourishing"),
                    "start from good health and well-being, not only from disease",
                    "illness(?:es)?", "ill", "sick(?:ness)?", "disorders?", "patholog(?:y|ies)"),
            reframe("vulnerability", List.of("capabilities", "what people can contribute"),
                    "a label of vulnerability describes a risk, not a person",
                    "vulnerab(?:le|ility)"),
            reframe("problem", List.of("opportunity", "aspiration"),
                    "framing the work as fixing problems leaves out what good looks like",
                    "problems?", "problematic"),
            reframe("service users", List.of("citizens", "residents", "co-designers"),
                    "people shape services with us, not only use them",
                    "service users?", "clients?"),
            reframe("constraint", List.of("social action", "choice"),
                    "choices constrained by a service's terms are not the same as people acting together",
                    "constraints?", "containment"),
            reframe("hard to reach", List.of("seldom heard", "not yet involved"),
                    "it is the service that has not reached them",
                    "hard[- ]to[- ]reach"));

    private static final Pattern STRENGTHS = Pattern.compile(
            "\\b(strengths?|assets?|opportunit(?:y|ies)|skills?|talents?|networks?|connections?|ties|agency|resilien(?:ce|t)"
                    + "|well-being|wellbeing|flourish(?:ing)?|volunteer(?:s|ing)?|neighbours?|together|contribut(?:e|ion|ions))\\b",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    private FramingGuide() {
    }

    public static List<Reframe> reframes() {
        return REFRAMES;
    }

    public static Advice check(String text) {
        String subject = text == null ? "" : text;
        List<Finding> findings = new ArrayList<>();
        for (Reframe reframe : REFRAMES) {
            Matcher matcher = reframe.pattern().matcher(subject);
            while (matcher.find()) {
                findings.add(new Finding(matcher.group(), matcher.start(), matcher.end(), reframe.deficit(),
                        reframe.assetBased(), reframe.why()));
            }
        }
        findings.sort(Comparator.comparingInt(Finding::start));
        List<String> strengths = new ArrayList<>();
        Matcher named = STRENGTHS.matcher(subject);
        while (named.find()) {
            String word = named.group().toLowerCase(Locale.ROOT);
            if (!strengths.contains(word)) {
                strengths.add(word);
            }
        }
        return new Advice(List.copyOf(findings), List.copyOf(strengths), !findings.isEmpty() && strengths.isEmpty());
    }

    private static Reframe reframe(String deficit, List<String> assetBased, String why, String... forms) {
        Pattern pattern = Pattern.compile("\\b(?:" + String.join("|", forms) + ")\\b", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
        return new Reframe(deficit, assetBased, why, pattern);
    }
}
