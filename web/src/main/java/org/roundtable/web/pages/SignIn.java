package org.roundtable.web.pages;

import org.roundtable.events.Role;
import org.roundtable.web.security.LocalPaths;
import org.roundtable.web.security.People;
import org.roundtable.web.security.Person;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The gateway's login lands here ({@code /sign-in} is the one page the gateway itself guards): a person with several
 * roles first chooses the one they act in, then goes back to where they were.
 */
@Controller
class SignIn {

    private final People people;

    SignIn(People people) {
        this.people = people;
    }

    @GetMapping("/sign-in")
    String landed(@RequestParam(required = false) String next) {
        Person person = people.required();
        String back = LocalPaths.safe(next);
        return person.mustChooseRole() ? "redirect:/role?next=" + URLEncoder.encode(back, StandardCharsets.UTF_8) : "redirect:" + back;
    }

    @GetMapping("/role")
    String choose(@RequestParam(required = false) String next, Model model) {
        model.addAttribute("next", LocalPaths.safe(next));
        return "role";
    }

    @PostMapping("/role")
    String chosen(@RequestParam(required = false) Role role, @RequestParam(required = false) String next, Model model) {
        Person person = people.required();
        if (role == null || !person.roles().contains(role)) {
            model.addAttribute("next", LocalPaths.safe(next));
            model.addAttribute("roleMissing", true);
            return "role";
        }
        people.choose(person, role);
        return "redirect:" + LocalPaths.safe(next);
    }
}
