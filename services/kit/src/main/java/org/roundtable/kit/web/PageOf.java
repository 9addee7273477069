package org.roundtable.kit.web;

import io.swagger.v3.oas.annotations.media.Schema;
import org.roundtable.kit.domain.InvalidInput;
import org.springframework.data.domain.Page;

import java.util.List;
import java.util.function.Function;
import java.util.function.LongUnaryOperator;

/**
 * One page of a list, the same shape in every service's API. A list may stop counting what matches
 * {@link #COUNT_AHEAD} items past the page's first: then {@code totalItemsCapped} is true, and more items match than
 * {@code totalItems} says (and there are more pages than {@code totalPages}).
 */
public record PageOf<T>(List<T> items, int page, int size,
                        @Schema(description = "how many items match; when totalItemsCapped, more than this many")
                        long totalItems,
                        @Schema(description = "how many pages those items fill; when totalItemsCapped, more than this many")
                        int totalPages,
                        @Schema(description = "true when the count stopped " + COUNT_AHEAD + " items past this page's first: "
                                + "more items match than totalItems")
                        boolean totalItemsCapped) {

    /** The largest page size a list answers with. */
    public static final int MAX_SIZE = 100;
    /** The last page number a list accepts: beyond it no list has items, and offsets stay within what a query takes. */
    public static final int MAX_PAGE = 100_000;
    /** How far past a page's first item a list that caps its count counts what matches. */
    public static final int COUNT_AHEAD = 1_000;

    /** Refuses a page number or size outside the bounds every list keeps, naming the parameter. */
    public static void requireBounds(int page, int size) {
        if (page < 0 || page > MAX_PAGE) {
            throw new InvalidInput("page", "page must be between 0 and " + MAX_PAGE);
        }
        if (size < 1 || size > MAX_SIZE) {
            throw new InvalidInput("size", "size must be between 1 and " + MAX_SIZE);
        }
    }

    /** A page counted in full. */
    public static <E, T> PageOf<T> of(Page<E> page, Function<E, T> mapper) {
        return new PageOf<>(page.getContent().stream().map(mapper).toList(), page.getNumber(), page.getSize(),
                page.getTotalElements(), page.getTotalPages(), false);
    }

    /**
     * A page of {@code items} whose matching items are counted only as far as needed: not at all when the page is the
     * last (it is not full, or it is the first and empty), otherwise by {@code countUpTo}, which counts what matches up
     * to the limit it is given ({@link #COUNT_AHEAD} past the page's first item, plus one). When the count reaches that
     * limit, the total is capped.
     */
    public static <T> PageOf<T> counted(List<T> items, int page, int size, LongUnaryOperator countUpTo) {
        long first = (long) page * size;
        boolean last = !items.isEmpty() && items.size() < size || page == 0 && items.isEmpty();
        long limit = first + COUNT_AHEAD + 1;
        long counted = last ? first + items.size() : Math.min(countUpTo.applyAsLong(limit), limit);
        boolean capped = counted == limit;
        long total = capped ? limit - 1 : counted;
        return new PageOf<>(items, page, size, total, (int) ((total + size - 1) / size), capped);
    }
}
