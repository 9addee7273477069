package org.roundtable.audit.powermap;

import org.roundtable.audit.powermap.PowerMap.ActorPower;
import org.roundtable.audit.powermap.PowerMap.DecisionAtTable;
import org.roundtable.events.proposals.Money;

import java.math.BigDecimal;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The power map as CSV (RFC 4180): a header row, then one row per actor and role, or per decision; CRLF line ends;
 * a field holding a comma, a double quote or a line break is quoted, its quotes doubled. Money is written as
 * {@code 1200.00 GBP}, several currencies separated by {@code "; "}. A text field that a spreadsheet would take for a
 * formula (starting with {@code = + - @}, a tab or a carriage return) is prefixed with a single quote, so that
 * opening an export never runs what a participant wrote.
 */
public final class PowerMapCsv {

    private static final String LINE_END = "\r\n";

    private record Column<T>(String header, Function<T, Object> value) {
    }

    private static final List<Column<ActorPower>> ACTOR_COLUMNS = List.of(
            new Column<>("actorId", ActorPower::actorId),
            new Column<>("name", ActorPower::name),
            new Column<>("role", ActorPower::role),
            new Column<>("decisionsClosed", ActorPower::decisionsClosed),
            new Column<>("decisionsVotedIn", ActorPower::decisionsVotedIn),
            new Column<>("votesCast", ActorPower::votesCast),
            new Column<>("recusals", ActorPower::recusals),
            new Column<>("fundsHeld", ActorPower::fundsHeld),
            new Column<>("fundsAllocatedAsHolder", ActorPower::fundsAllocatedAsHolder),
            new Column<>("fundsAllocatedOnPanel", ActorPower::fundsAllocatedOnPanel),
            new Column<>("hoursPledgedPerMonth", ActorPower::hoursPledgedPerMonth),
            new Column<>("hoursGiven", ActorPower::hoursGiven),
            new Column<>("proposalsDrafted", ActorPower::proposalsDrafted),
            new Column<>("coDesignsJoined", ActorPower::coDesignsJoined),
            new Column<>("workshopContributions", ActorPower::workshopContributions));

    private static final List<Column<DecisionAtTable>> DECISION_COLUMNS = List.of(
            new Column<>("caseId", DecisionAtTable::caseId),
            new Column<>("proposalId", DecisionAtTable::proposalId),
            new Column<>("title", DecisionAtTable::title),
            new Column<>("serviceArea", DecisionAtTable::serviceArea),
            new Column<>("outcome", DecisionAtTable::outcome),
            new Column<>("decidedAt", DecisionAtTable::decidedAt),
            new Column<>("closedBy", DecisionAtTable::closedBy),
            new Column<>("closedByRole", DecisionAtTable::closedByRole),
            new Column<>("panelSize", DecisionAtTable::panelSize),
            new Column<>("commissionersAtTable", DecisionAtTable::commissionersAtTable),
            new Column<>("citizensAtTable", DecisionAtTable::citizensAtTable),
            new Column<>("membersVoted", DecisionAtTable::membersVoted),
            new Column<>("citizensVoted", DecisionAtTable::citizensVoted),
            new Column<>("recused", DecisionAtTable::recused),
            new Column<>("allocated", DecisionAtTable::allocated));

    private PowerMapCsv() {
    }

    public static String actors(PowerMap map) {
        return table(ACTOR_COLUMNS, map.actors());
    }

    public static String decisions(PowerMap map) {
        return table(DECISION_COLUMNS, map.decisions());
    }

    private static <T> String table(List<Column<T>> columns, List<T> rows) {
        StringBuilder csv = new StringBuilder();
        csv.append(columns.stream().map(Column::header).collect(Collectors.joining(","))).append(LINE_END);
        for (T row : rows) {
            csv.append(columns.stream().map(column -> field(column.value().apply(row))).collect(Collectors.joining(",")))
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
        String text;
        if (value instanceof Money money) {
            text = money(money);
        } else if (value instanceof List<?> list) {
            text = list.stream().map(item -> item instanceof Money money ? money(money) : String.valueOf(item))
                    .collect(Collectors.joining("; "));
        } else {
            text = defused(value.toString());
        }
        return quoted(text);
    }

    private static String money(Money money) {
        return (money.amount() == null ? "" : money.amount().toPlainString()) + " " + (money.currency() == null ? "" : money.currency());
    }

    private static String defused(String text) {
        return !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
    }

    private static String quoted(String text) {
        boolean needsQuotes = text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0;
        return needsQuotes ? '"' + text.replace("\"", "\"\"") + '"' : text;
    }
}
