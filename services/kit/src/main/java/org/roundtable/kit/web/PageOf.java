package org.roundtable.kit.web;

import org.springframework.data.domain.Page;

import java.util.List;
import java.util.function.Function;

/** One page of a list, the same shape in every service's API. */
public record PageOf<T>(List<T> items, int page, int size, long totalItems, int totalPages) {

    public static <E, T> PageOf<T> of(Page<E> page, Function<E, T> mapper) {
        return new PageOf<>(page.getContent().stream().map(mapper).toList(), page.getNumber(), page.getSize(),
                page.getTotalElements(), page.getTotalPages());
    }
}
