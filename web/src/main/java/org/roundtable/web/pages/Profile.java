package org.roundtable.web.pages;

import org.roundtable.events.Role;
import org.roundtable.web.security.People;
import org.roundtable.web.security.Person;
import org.roundtable.web.services.Api;
import org.roundtable.web.services.Services;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** My profile (display name, neighbourhood, consent to be named and contacted) and my activity across proposals. */
@Controller
class Profile {

    private static final ParameterizedTypeReference<List<Api.Activity>> ACTIVITY = new ParameterizedTypeReference<>() {
    };

    public static class Form {
        private String displayName;
        private String neighbourhood;
        private String offers;
        private boolean namedPublicly;
        private boolean contactable;
        private String contactEmail;
        private Boolean livesLocally;
        private Boolean usesServices;

        static Form of(Api.OwnProfile profile) {
            Form form = new Form();
            form.displayName = profile.displayName();
            form.neighbourhood = profile.neighbourhood();
            form.offers = profile.offers();
            form.namedPublicly = profile.namedPublicly();
            form.contactable = profile.contactable();
            form.contactEmail = profile.contactEmail();
            form.livesLocally = profile.livesLocally();
            form.usesServices = profile.usesServices();
            return form;
        }

        public String getDisplayName() { return displayName; }
        public void setDisplayName(String displayName) { this.displayName = displayName; }
        public String getNeighbourhood() { return neighbourhood; }
        public void setNeighbourhood(String neighbourhood) { this.neighbourhood = neighbourhood; }
        public String getOffers() { return offers; }
        public void setOffers(String offers) { this.offers = offers; }
        public boolean isNamedPublicly() { return namedPublicly; }
        public void setNamedPublicly(boolean namedPublicly) { this.namedPublicly = namedPublicly; }
        public boolean isContactable() { return contactable; }
        public void setContactable(boolean contactable) { this.contactable = contactable; }
        public String getContactEmail() { return contactEmail; }
        public void setContactEmail(String contactEmail) { this.contactEmail = contactEmail; }
        public Boolean getLivesLocally() { return livesLocally; }
        public void setLivesLocally(Boolean livesLocally) { this.livesLocally = livesLocally; }
        public Boolean getUsesServices() { return usesServices; }
        public void setUsesServices(Boolean usesServices) { this.usesServices = usesServices; }
    }

    private final Services services;
    private final People people;
    private final FormActions forms;

    Profile(Services services, People people, FormActions forms) {
        this.services = services;
        this.people = people;
        this.forms = forms;
    }

    @GetMapping("/profile")
    String profile(@RequestParam(required = false) String recording, @RequestParam(defaultValue = "0") int tries, Model model) {
        people.acting();
        Form form = services.find(Services.PARTICIPATION, "/api/participation/profile", Api.OwnProfile.class).map(Form::of).orElseGet(Form::new);
        if (form.displayName == null) {
            form.displayName = people.required().name();
        }
        if (recording != null) {
            new Watched("/profile", this::fingerprint).stillRecording(model, recording, fingerprint(), tries);
        }
        return page(model, form);
    }

    @PostMapping("/profile")
    String save(@ModelAttribute("form") Form form, Model model) {
        Person person = people.acting();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("displayName", form.displayName);
        body.put("roles", person.roles().stream().filter(role -> role == Role.CITIZEN || role == Role.STAFF).map(Role::name).toList());
        body.put("neighbourhood", form.neighbourhood);
        body.put("offers", form.offers);
        body.put("namedPublicly", form.namedPublicly);
        body.put("contactable", form.contactable);
        body.put("contactEmail", form.contactEmail == null || form.contactEmail.isBlank() ? null : form.contactEmail.strip());
        if (person.roles().contains(Role.STAFF)) {
            body.put("livesLocally", form.livesLocally);
            body.put("usesServices", form.usesServices);
        }
        return forms.submit("profile", Map.of())
                .command(() -> services.put(Services.PARTICIPATION, "/api/participation/profile", body))
                .watching(new Watched("/profile", this::fingerprint))
                .done("done.profile")
                .mayChangeNothing()
                .send(model, () -> page(model, form));
    }

    @GetMapping("/activity")
    String activity(Model model) {
        people.acting();
        model.addAttribute("activity", services.get(Services.PARTICIPATION, "/api/participation/me/activity", ACTIVITY));
        return "activity";
    }

    private String fingerprint() {
        return services.find(Services.PARTICIPATION, "/api/participation/profile", Api.OwnProfile.class)
                .map(profile -> Integer.toHexString(Objects.hash(profile.displayName(), profile.publicName(), profile.namedPublicly(),
                        profile.neighbourhood(), profile.offers(), profile.contactable(), profile.contactEmail(), profile.livesLocally(),
                        profile.usesServices())))
                .orElse("none");
    }

    private static String page(Model model, Form form) {
        model.addAttribute("form", form);
        return "profile";
    }
}
