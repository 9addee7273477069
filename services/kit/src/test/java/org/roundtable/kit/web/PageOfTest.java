package org.roundtable.kit.web;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.LongUnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;

class PageOfTest {

    private final List<Long> limitsAsked = new ArrayList<>();

    /** Counts {@code matching} items the way a bounded count query does: never past the limit it is given. */
    private LongUnaryOperator matching(long matching) {
        return limit -> {
            limitsAsked.add(limit);
            return Math.min(matching, limit);
        };
    }

    @Test
    void aCountThatStopsBeforeItsLimitIsExact() {
        PageOf<String> page = PageOf.counted(items(20), 2, 20, matching(512));

        assertThat(page.totalItems()).isEqualTo(512);
        assertThat(page.totalPages()).isEqualTo(26);
        assertThat(page.totalItemsCapped()).isFalse();
        assertThat(limitsAsked).containsExactly(40L + PageOf.COUNT_AHEAD + 1);
    }

    @Test
    void aCountThatReachesItsLimitIsCappedAtCountAheadPastThePagesFirstItem() {
        PageOf<String> first = PageOf.counted(items(20), 0, 20, matching(100_000));
        PageOf<String> deeper = PageOf.counted(items(20), 10, 20, matching(100_000));

        assertThat(first.totalItems()).isEqualTo(PageOf.COUNT_AHEAD);
        assertThat(first.totalPages()).isEqualTo(PageOf.COUNT_AHEAD / 20);
        assertThat(first.totalItemsCapped()).isTrue();
        assertThat(deeper.totalItems()).as("the count moves on with the page").isEqualTo(200 + PageOf.COUNT_AHEAD);
        assertThat(deeper.totalItemsCapped()).isTrue();
    }

    @Test
    void exactlyCountAheadMatchingIsNotCapped() {
        PageOf<String> page = PageOf.counted(items(20), 0, 20, matching(PageOf.COUNT_AHEAD));

        assertThat(page.totalItems()).isEqualTo(PageOf.COUNT_AHEAD);
        assertThat(page.totalItemsCapped()).isFalse();
    }

    @Test
    void theLastPageIsNotCountedItKnowsTheTotal() {
        PageOf<String> partial = PageOf.counted(items(7), 3, 20, matching(1_000_000));
        PageOf<String> emptyFirst = PageOf.counted(List.of(), 0, 20, matching(1_000_000));

        assertThat(partial.totalItems()).isEqualTo(67);
        assertThat(partial.totalPages()).isEqualTo(4);
        assertThat(partial.totalItemsCapped()).isFalse();
        assertThat(emptyFirst.totalItems()).isZero();
        assertThat(emptyFirst.totalPages()).isZero();
        assertThat(limitsAsked).as("no count was needed").isEmpty();
    }

    @Test
    void anEmptyPagePastTheEndCountsWhatThereIs() {
        PageOf<String> past = PageOf.counted(List.of(), 9, 20, matching(45));

        assertThat(past.totalItems()).isEqualTo(45);
        assertThat(past.totalPages()).isEqualTo(3);
        assertThat(past.totalItemsCapped()).isFalse();
    }

    private static List<String> items(int count) {
        return Collections.nCopies(count, "item");
    }
}
