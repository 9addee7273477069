package org.roundtable.web.pages;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.roundtable.web.security.LocalPaths;
import org.roundtable.web.security.People;
import org.roundtable.web.security.Person;
import org.roundtable.web.security.RoleNeeded;
import org.roundtable.web.security.SignInNeeded;
import org.roundtable.web.services.ApiProblem;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What every page shows: who is signed in and the role they act in (or a way to sign in), the gateway's sign-out
 * form. A refusal on a page that only reads becomes a page that says so in plain words.
 */
@ControllerAdvice
class PageModel {

    /** The gateway's CSRF cookie, whose value its sign-out form must carry. */
    private static final String GATEWAY_CSRF_COOKIE = "XSRF-TOKEN";

    private final People people;

    PageModel(People people) {
        this.people = people;
    }

    @ModelAttribute
    void everyPage(Model model, HttpServletRequest request) {
        Person person = people.current().orElse(null);
        model.addAttribute("person", person);
        model.addAttribute("here", LocalPaths.whereTheyWere(request));
        model.addAttribute("signOutToken", gatewayCsrf(request));
        if (person != null && request.getAttribute(CsrfToken.class.getName()) instanceof CsrfToken forms) {
            // the forms' token is kept in the session: made now, before a long page has begun to be sent
            forms.getToken();
        }
        if (!model.containsAttribute("typed")) {
            model.addAttribute("typed", TypedForm.NONE);
            model.addAttribute("errors", FormErrors.NONE);
        }
    }

    @ExceptionHandler(SignInNeeded.class)
    String signIn(HttpServletRequest request) {
        return "redirect:" + LocalPaths.signInThenBackTo(LocalPaths.whereTheyWere(request));
    }

    @ExceptionHandler(RoleNeeded.class)
    String chooseRole(HttpServletRequest request) {
        return "redirect:/role?next=" + java.net.URLEncoder.encode(LocalPaths.whereTheyWere(request), java.nio.charset.StandardCharsets.UTF_8);
    }

    @ExceptionHandler(ApiProblem.class)
    String refused(ApiProblem problem, Model model, HttpServletRequest request, HttpServletResponse response) {
        everyPage(model, request);
        int status = problem.status() == 404 || problem.status() == 403 ? problem.status() : 502;
        response.setStatus(status);
        model.addAttribute("status", status);
        return "error";
    }

    private static String gatewayCsrf(HttpServletRequest request) {
        if (request.getCookies() == null) {
            return null;
        }
        for (Cookie cookie : request.getCookies()) {
            if (GATEWAY_CSRF_COOKIE.equals(cookie.getName())) {
                return cookie.getValue();
            }
        }
        return null;
    }
}
