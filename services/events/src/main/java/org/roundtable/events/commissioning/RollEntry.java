package org.roundtable.events.commissioning;

import org.roundtable.events.Role;

/**
 * One panel member in a decision's roll: who, in which role they sat, their last vote and rationale ({@code null}
 * when they did not vote), whether they were recused and the interest they declared.
 */
public record RollEntry(String memberId, Role role, Vote vote, String rationale, boolean recused, String declaredInterest) {
}
