package org.roundtable.proposals.domain;

import org.roundtable.events.proposals.Ask;
import org.roundtable.events.proposals.Asset;
import org.roundtable.events.proposals.Money;
import org.roundtable.events.proposals.ProposalContent;
import org.roundtable.kit.domain.InvalidInput;
import org.roundtable.kit.domain.Require;

import java.util.ArrayList;
import java.util.List;

/** The shape every revision of a proposal must have; each failure names the field, in request terms. */
public final class ProposalRules {

    public static final int TITLE_MAX = 150;
    public static final int ASPIRATION_MAX = 4000;
    public static final int SERVICE_AREA_MAX = 80;
    public static final int ASSETS_MAX = 50;
    public static final int OUTCOMES_MAX = 20;
    public static final int RESOURCES_MAX = 20;
    public static final int SHORT_TEXT_MAX = 500;
    public static final int NOTE_MAX = 1000;

    private ProposalRules() {
    }

    /** A valid, trimmed copy of the content, or {@link InvalidInput} naming the first field at fault. */
    public static ProposalContent content(ProposalContent content) {
        Require.present(content, "content");
        String title = Require.text(content.title(), "title", TITLE_MAX);
        String aspiration = Require.text(content.aspiration(), "aspiration", ASPIRATION_MAX);
        String serviceArea = Require.text(content.serviceArea(), "serviceArea", SERVICE_AREA_MAX).toLowerCase(java.util.Locale.ROOT);
        Require.atMost(content.assets(), ASSETS_MAX, "assets");
        List<Asset> assets = new ArrayList<>();
        for (int i = 0; i < content.assets().size(); i++) {
            Asset asset = Require.present(content.assets().get(i), "assets[" + i + "]");
            assets.add(new Asset(Require.present(asset.kind(), "assets[" + i + "].kind"),
                    Require.text(asset.description(), "assets[" + i + "].description", SHORT_TEXT_MAX),
                    Require.text(asset.holder(), "assets[" + i + "].holder", 200)));
        }
        Require.atMost(content.intendedOutcomes(), OUTCOMES_MAX, "intendedOutcomes");
        List<String> outcomes = new ArrayList<>();
        for (int i = 0; i < content.intendedOutcomes().size(); i++) {
            outcomes.add(Require.text(content.intendedOutcomes().get(i), "intendedOutcomes[" + i + "]", SHORT_TEXT_MAX));
        }
        return new ProposalContent(title, aspiration, serviceArea, assets, ask(content.ask()), outcomes);
    }

    private static Ask ask(Ask ask) {
        if (ask == null) {
            return new Ask(null, List.of());
        }
        Money money = ask.money() == null ? null : Require.money(ask.money(), "ask.money");
        Require.atMost(ask.otherResources(), RESOURCES_MAX, "ask.otherResources");
        List<String> resources = new ArrayList<>();
        for (int i = 0; i < ask.otherResources().size(); i++) {
            resources.add(Require.text(ask.otherResources().get(i), "ask.otherResources[" + i + "]", SHORT_TEXT_MAX));
        }
        return new Ask(money, resources);
    }
}
