package org.roundtable.audit.powermap;

import org.roundtable.audit.powermap.PowerMap.ActorPower;
import org.roundtable.audit.powermap.PowerMap.DecisionAtTable;
import org.roundtable.audit.powermap.PowerMap.FundHeld;
import org.roundtable.events.proposals.Money;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.stream.Collectors;

/**
 * The power map as CSV (RFC 4180): a header row of plain words, then one row per fund, per actor and role, or per
 * decision; CRLF line ends; a field holding a comma, a double quote or a line break is quoted, its quotes doubled.
 * Money is a plain number with its currency in a column of its own; an actor with money in several currencies has a
 * row per currency. A text field that a spreadsheet would take for a formula (starting with {@code = + - @}, a tab or
 * a carriage return) is prefixed with a single quote, so that opening an export never runs what a participant wrote.
 * {@link #DICTIONARY} says what every column means.
 */
public final class PowerMapCsv {

    private static final String LINE_END = "\r\n";

    /** A column: its header, what it means, and its value in a row (given the whole map, for names). */
    private record Column<T>(String header, String meaning, BiFunction<T, PowerMap, Object> value) {
    }

    /** One actor's row in one currency (or none). */
    private record ActorRow(ActorPower actor, String currency, BigDecimal allocatedOnPanel) {
    }

    private static final List<Column<FundHeld>> FUND_COLUMNS = List.of(
            new Column<>("Fund id", "the fund's id", (fund, map) -> fund.fundId()),
            new Column<>("Fund", "the fund's name", (fund, map) -> fund.name()),
            new Column<>("Service area", "the service area the fund is for", (fund, map) -> fund.serviceArea()),
            new Column<>("Period start", "the first day of the fund's own period", (fund, map) -> fund.periodStart()),
            new Column<>("Period end", "the last day of the fund's own period", (fund, map) -> fund.periodEnd()),
            new Column<>("Held by", "every commissioner holding the fund, jointly or alone, by name",
                    (fund, map) -> fund.holders().stream().map(holder -> holder.name() == null ? holder.id() : holder.name())
                            .collect(Collectors.joining("; "))),
            new Column<>("Amount", "the fund's budget, counted once however many hold it", (fund, map) -> fund.amount()),
            new Column<>("Allocated in period", "what decisions in the period allocated from the fund", (fund, map) -> fund.allocated()),
            new Column<>("Currency", "the currency of the two amounts", (fund, map) -> fund.currency()));

    private static final List<Column<ActorRow>> ACTOR_COLUMNS = List.of(
            new Column<>("Person id", "the id the person acts under", (row, map) -> row.actor().actorId()),
            new Column<>("Name", "office holders by the name they acted under; citizens by their own name with consent, otherwise their pseudonym",
                    (row, map) -> row.actor().name()),
            new Column<>("Role", "the role they acted or sat in", (row, map) -> row.actor().role()),
            new Column<>("Decisions closed", "decision cases they closed, whatever the outcome", (row, map) -> row.actor().decisionsClosed()),
            new Column<>("Decisions voted in", "approvals and rejections whose roll records a vote of theirs", (row, map) -> row.actor().decisionsVotedIn()),
            new Column<>("Votes cast", "votes they cast, counting every change", (row, map) -> row.actor().votesCast()),
            new Column<>("Recusals", "cases they were recused from, having declared an interest", (row, map) -> row.actor().recusals()),
            new Column<>("Funds held", "the funds they held (their money is in the funds table, once per fund)",
                    (row, map) -> fundNames(row.actor().fundsHeld(), map)),
            new Column<>("Allocated by decisions they voted in", "money allocated by decisions they voted in; every member who voted shares all of it",
                    (row, map) -> row.allocatedOnPanel()),
            new Column<>("Currency", "the currency of the amount before it", (row, map) -> row.currency()),
            new Column<>("Hours pledged per month", "time pledged in the period and not withdrawn", (row, map) -> row.actor().hoursPledgedPerMonth()),
            new Column<>("Hours given", "time actually given to initiatives", (row, map) -> row.actor().hoursGiven()),
            new Column<>("Proposals drafted", "proposals they drafted", (row, map) -> row.actor().proposalsDrafted()),
            new Column<>("Co-designs joined", "proposals they joined as co-designer", (row, map) -> row.actor().coDesignsJoined()),
            new Column<>("Workshop contributions", "ideas they contributed at co-design workshops", (row, map) -> row.actor().workshopContributions()));

    private static final List<Column<DecisionAtTable>> DECISION_COLUMNS = List.of(
            new Column<>("Case id", "the decision case's id", (decision, map) -> decision.caseId()),
            new Column<>("Proposal id", "the proposal's id", (decision, map) -> decision.proposalId()),
            new Column<>("Title", "the proposal's title", (decision, map) -> decision.title()),
            new Column<>("Service area", "the service area", (decision, map) -> decision.serviceArea()),
            new Column<>("Outcome", "APPROVED, REJECTED, NO_QUORUM or WITHDRAWN", (decision, map) -> decision.outcome()),
            new Column<>("Decided at", "when the case was closed (UTC)", (decision, map) -> decision.decidedAt()),
            new Column<>("Closed by", "who closed the case, by name", (decision, map) -> decision.closedByName()),
            new Column<>("Closed by (role)", "the role they closed it in", (decision, map) -> decision.closedByRole()),
            new Column<>("Panel size", "members round the table", (decision, map) -> decision.panelSize()),
            new Column<>("Commissioners at the table", "members sitting as commissioners", (decision, map) -> decision.commissionersAtTable()),
            new Column<>("Citizens at the table", "members sitting as citizens", (decision, map) -> decision.citizensAtTable()),
            new Column<>("Members who voted", "members whose vote the roll records", (decision, map) -> decision.membersVoted()),
            new Column<>("Citizens who voted", "citizen members whose vote the roll records", (decision, map) -> decision.citizensVoted()),
            new Column<>("Recused", "members recused after declaring an interest", (decision, map) -> decision.recused()),
            new Column<>("Allocated", "the money the decision allocated", (decision, map) -> decision.allocated() == null ? null : decision.allocated().amount()),
            new Column<>("Currency", "its currency", (decision, map) -> decision.allocated() == null ? null : decision.allocated().currency()));

    /** Every column of the three tables and what it means, for the API's description and the README. */
    public static final Map<String, List<String>> DICTIONARY = Map.of(
            "funds", FUND_COLUMNS.stream().map(column -> column.header() + ": " + column.meaning()).toList(),
            "actors", ACTOR_COLUMNS.stream().map(column -> column.header() + ": " + column.meaning()).toList(),
            "decisions", DECISION_COLUMNS.stream().map(column -> column.header() + ": " + column.meaning()).toList());

    private PowerMapCsv() {
    }

    public static String funds(PowerMap map) {
        return table(FUND_COLUMNS, map.funds(), map);
    }

    public static String actors(PowerMap map) {
        List<ActorRow> rows = new ArrayList<>();
        for (ActorPower actor : map.actors()) {
            if (actor.fundsAllocatedOnPanel().isEmpty()) {
                rows.add(new ActorRow(actor, null, null));
            }
            for (Money money : actor.fundsAllocatedOnPanel()) {
                rows.add(new ActorRow(actor, money.currency(), money.amount()));
            }
        }
        return table(ACTOR_COLUMNS, rows, map);
    }

    public static String decisions(List<DecisionAtTable> decisions) {
        return table(DECISION_COLUMNS, decisions, null);
    }

    private static String fundNames(List<String> fundIds, PowerMap map) {
        Map<String, String> names = new HashMap<>();
        map.funds().forEach(fund -> names.put(fund.fundId(), fund.name() == null ? fund.fundId() : fund.name()));
        return fundIds.stream().map(id -> names.getOrDefault(id, id)).collect(Collectors.joining("; "));
    }

    private static <T> String table(List<Column<T>> columns, List<T> rows, PowerMap map) {
        StringBuilder csv = new StringBuilder();
        csv.append(columns.stream().map(column -> field(column.header())).collect(Collectors.joining(","))).append(LINE_END);
        for (T row : rows) {
            csv.append(columns.stream().map(column -> field(column.value().apply(row, map))).collect(Collectors.joining(",")))
                    .append(LINE_END);
        }
        return csv.toString();
    }

    static String field(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Number number) {
            return number instanceof BigDecimal decimal ? decimal.toPlainString() : number.toString();
        }
        return quoted(defused(value.toString()));
    }

    private static String defused(String text) {
        return !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
    }

    private static String quoted(String text) {
        boolean needsQuotes = text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0;
        return needsQuotes ? '"' + text.replace("\"", "\"\"") + '"' : text;
    }
}
