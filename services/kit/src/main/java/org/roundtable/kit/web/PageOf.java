package org.roundtable.kit.web;

import org.roundtable.kit.domain.InvalidInput;
import org.springframework.data.domain.Page;

import java.util.List;
import java.util.function.Function;

/** One page of a list, the same shape in every service's API. */
public record PageOf<T>(List<T> items, int page, int size, long totalItems, int totalPages) {

    /** The largest page size a list answers with. */
    public static final int MAX_SIZE = 100;
    /** The last page number a list accepts: beyond it no list has items, and offsets stay within what a query takes. */
    public static final int MAX_PAGE = 100_000;

    /** Refuses a page number or size outside the bounds every list keeps, naming the parameter. */
    public static void requireBounds(int page, int size) {
        if (page < 0 || page > MAX_PAGE) {
            throw new InvalidInput("page", "page must be between 0 and " + MAX_PAGE);
        }
        if (size < 1 || size > MAX_SIZE) {
            throw new InvalidInput("size", "size must be between 1 and " + MAX_SIZE);
        }
    }

    public static <E, T> PageOf<T> of(Page<E> page, Function<E, T> mapper) {
        return new PageOf<>(page.getContent().stream().map(mapper).toList(), page.getNumber(), page.getSize(),
                page.getTotalElements(), page.getTotalPages());
    }
}
