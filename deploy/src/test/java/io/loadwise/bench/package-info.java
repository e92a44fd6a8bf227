/** The roster benchmark: the app's GET /api/v1/clients against pgbench running the same SQL as the ceiling. */
@NullMarked
package io.loadwise.bench;

import org.jspecify.annotations.NullMarked;
