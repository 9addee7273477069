package org.roundtable.web.pages;

import org.springframework.ui.Model;

import java.util.function.Supplier;

/**
 * A page whose {@link #fingerprint} changes with anything a command sent from it can change. After a command the
 * person is sent back to it once it shows the effect; until then it says the change is being recorded
 * ({@code ?recording=<fingerprint before>}) and refreshes itself a bounded number of times.
 */
public record Watched(String location, Supplier<String> fingerprint) {

    /** How many times a page showing "being recorded" refreshes itself before it says it is taking longer. */
    static final int RECORDING_REFRESHES = 15;
    static final String MISSING = "none";

    /**
     * Whether the page is still as it was before the command ({@code recording} is the fingerprint then); if so, the
     * model gets the banner and the refresh.
     */
    boolean stillRecording(Model model, String recording, String current, int tries) {
        if (recording == null || !recording.equals(current)) {
            return false;
        }
        recording(model, location, recording, tries);
        return true;
    }

    /** The "being recorded" banner and the page's own refresh ({@code recording} may be null: waiting on another service). */
    static void recording(Model model, String location, String recording, int tries) {
        model.addAttribute("recording", true);
        boolean keepRefreshing = tries < RECORDING_REFRESHES;
        model.addAttribute("refreshUrl", keepRefreshing ? location + (location.contains("?") ? "&" : "?")
                + (recording == null ? "" : "recording=" + recording + "&") + "tries=" + (tries + 1) : null);
        model.addAttribute("slow", !keepRefreshing);
    }
}
