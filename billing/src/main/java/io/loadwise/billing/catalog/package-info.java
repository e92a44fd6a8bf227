/** What a business sells, as coaches edit it: guides (PDF, cover, page count), custom plans, coaching packages (monthly or quarterly, optional trial) and promotion codes; synced to products, prices and promotion codes on the connected account. */
@NullMarked
@NamedInterface("catalog")
package io.loadwise.billing.catalog;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
