package org.roundtable.web.pages;

import org.roundtable.web.services.Api;
import org.roundtable.web.services.ApiProblem;
import org.roundtable.web.services.Services;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;

/** What is happening now, for anyone: open proposals, recent decisions, initiatives under way. */
@Controller
class Home {

    static final ParameterizedTypeReference<Api.PageOf<Api.ProposalSummary>> PROPOSALS = new ParameterizedTypeReference<>() {
    };
    private static final ParameterizedTypeReference<Api.PageOf<Api.InitiativeSummary>> INITIATIVES = new ParameterizedTypeReference<>() {
    };
    private static final int SHOWN = 5;

    private final Services services;

    Home(Services services) {
        this.services = services;
    }

    @GetMapping("/")
    String home(Model model) {
        model.addAttribute("open", section(() -> Stream.of("SUBMITTED", "UNDER_DECISION")
                .flatMap(status -> proposals(status).stream())
                .sorted(Comparator.comparing(Api.ProposalSummary::updatedAt, Comparator.nullsLast(Comparator.reverseOrder())))
                .limit(SHOWN).toList()));
        model.addAttribute("decided", section(() -> Stream.of("COMMISSIONED", "DECLINED")
                .flatMap(status -> proposals(status).stream())
                .sorted(Comparator.comparing(Api.ProposalSummary::updatedAt, Comparator.nullsLast(Comparator.reverseOrder())))
                .limit(SHOWN).toList()));
        model.addAttribute("initiatives", section(() -> services.get(Services.OUTCOMES, "/api/outcomes/initiatives?size={size}",
                INITIATIVES, SHOWN).items()));
        return "home";
    }

    private List<Api.ProposalSummary> proposals(String status) {
        return services.get(Services.PROPOSALS, "/api/proposals?status={status}&size={size}&sort=updatedAt,desc", PROPOSALS, status, SHOWN)
                .items();
    }

    /** One section that cannot be read leaves the others readable; the page says which could not be shown. */
    private static <T> Section<T> section(Supplier<List<T>> read) {
        try {
            return new Section<>(read.get(), true);
        } catch (ApiProblem | org.springframework.web.client.RestClientException unavailable) {
            return new Section<>(List.of(), false);
        }
    }

    record Section<T>(List<T> items, boolean available) {
    }
}
