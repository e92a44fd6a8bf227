package io.loadwise.billing.orders;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** Newest orders first; {@code nextCursor} fetches the next page. */
public record OrdersPage(List<OrderView> items, @Nullable String nextCursor) {

    public OrdersPage {
        items = List.copyOf(items);
    }
}
