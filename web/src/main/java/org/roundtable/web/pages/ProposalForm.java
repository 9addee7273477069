package org.roundtable.web.pages;

import org.roundtable.events.proposals.Ask;
import org.roundtable.events.proposals.Asset;
import org.roundtable.events.proposals.AssetKind;
import org.roundtable.events.proposals.Money;
import org.roundtable.events.proposals.ProposalContent;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The draft and amend form, framed by assets: what the community already has comes first. Lists are typed one item
 * a line; asset rows grow by one blank row at a time ("add another"), with or without JavaScript.
 */
public class ProposalForm {

    public static final List<AssetKind> ASSET_KINDS = List.of(AssetKind.values());
    private static final String CURRENCY = "GBP";

    public static class AssetRow {
        private String kind;
        private String description;
        private String holder;

        public String getKind() { return kind; }
        public void setKind(String kind) { this.kind = kind; }
        public String getDescription() { return description; }
        public void setDescription(String description) { this.description = description; }
        public String getHolder() { return holder; }
        public void setHolder(String holder) { this.holder = holder; }

        boolean blank() {
            return isBlank(description) && isBlank(holder);
        }
    }

    private String title;
    private String aspiration;
    private String serviceArea;
    private List<AssetRow> assets = new ArrayList<>();
    private String askAmount;
    private String otherResources;
    private String intendedOutcomes;
    private String note;

    public static ProposalForm of(ProposalContent content) {
        ProposalForm form = new ProposalForm();
        form.title = content.title();
        form.aspiration = content.aspiration();
        form.serviceArea = content.serviceArea();
        content.assets().forEach(asset -> {
            AssetRow row = new AssetRow();
            row.kind = asset.kind() == null ? null : asset.kind().name();
            row.description = asset.description();
            row.holder = asset.holder();
            form.assets.add(row);
        });
        if (content.ask() != null) {
            form.askAmount = content.ask().money() == null || content.ask().money().amount() == null ? null
                    : content.ask().money().amount().toPlainString();
            form.otherResources = String.join("\n", content.ask().otherResources());
        }
        form.intendedOutcomes = String.join("\n", content.intendedOutcomes());
        return form.withRoomForAnotherAsset();
    }

    /** Blank rows dropped (so the service's row numbers match the page's), then one blank row to fill in. */
    public ProposalForm withRoomForAnotherAsset() {
        assets.removeIf(AssetRow::blank);
        assets.add(new AssetRow());
        return this;
    }

    /**
     * What the service is sent. An amount that is not a number is sent as no amount; {@link #amountProblem()} tells
     * the page so before anything is sent.
     */
    public ProposalContent content() {
        List<Asset> filled = assets.stream().filter(row -> !row.blank())
                .map(row -> new Asset(kind(row.kind), strip(row.description), strip(row.holder))).toList();
        BigDecimal amount = amount();
        Money money = amount == null ? null : new Money(amount, CURRENCY);
        List<String> resources = lines(otherResources);
        Ask ask = money == null && resources.isEmpty() ? null : new Ask(money, resources);
        return new ProposalContent(strip(title), strip(aspiration), strip(serviceArea), filled, ask, lines(intendedOutcomes));
    }

    boolean amountProblem() {
        return !isBlank(askAmount) && amount() == null;
    }

    /** The form's field for a field the service named: {@code ask.money.amount} is typed in {@code askAmount}. */
    static String fieldOf(String apiField) {
        if (apiField.startsWith("ask.money")) {
            return "askAmount";
        }
        if (apiField.startsWith("ask.otherResources") || apiField.equals("ask")) {
            return "otherResources";
        }
        if (apiField.startsWith("intendedOutcomes")) {
            return "intendedOutcomes";
        }
        if (apiField.startsWith("content.")) {
            return fieldOf(apiField.substring("content.".length()));
        }
        return apiField;
    }

    /** Everything typed that the framing guidance reads: title, aspiration and intended outcomes. */
    public String framingText() {
        return String.join("\n", List.of(nullToEmpty(title), nullToEmpty(aspiration), nullToEmpty(intendedOutcomes)));
    }

    private BigDecimal amount() {
        if (isBlank(askAmount)) {
            return null;
        }
        try {
            return new BigDecimal(askAmount.strip().replace(",", "").replace("£", ""));
        } catch (NumberFormatException notANumber) {
            return null;
        }
    }

    private static AssetKind kind(String kind) {
        try {
            return kind == null || kind.isBlank() ? null : AssetKind.valueOf(kind);
        } catch (IllegalArgumentException unknown) {
            return null;
        }
    }

    private static List<String> lines(String text) {
        return text == null ? List.of() : Arrays.stream(text.split("\\R")).map(String::strip).filter(line -> !line.isEmpty()).toList();
    }

    private static String strip(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }

    public String getTitle() { return title; }
    public void setTitle(String title) { this.title = title; }
    public String getAspiration() { return aspiration; }
    public void setAspiration(String aspiration) { this.aspiration = aspiration; }
    public String getServiceArea() { return serviceArea; }
    public void setServiceArea(String serviceArea) { this.serviceArea = serviceArea; }
    public List<AssetRow> getAssets() { return assets; }
    public void setAssets(List<AssetRow> assets) { this.assets = assets == null ? new ArrayList<>() : new ArrayList<>(assets); }
    public String getAskAmount() { return askAmount; }
    public void setAskAmount(String askAmount) { this.askAmount = askAmount; }
    public String getOtherResources() { return otherResources; }
    public void setOtherResources(String otherResources) { this.otherResources = otherResources; }
    public String getIntendedOutcomes() { return intendedOutcomes; }
    public void setIntendedOutcomes(String intendedOutcomes) { this.intendedOutcomes = intendedOutcomes; }
    public String getNote() { return note; }
    public void setNote(String note) { this.note = note; }
}
