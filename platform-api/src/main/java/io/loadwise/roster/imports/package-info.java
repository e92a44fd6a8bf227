/**
 * Roster CSV import and export: a file is validated row by row first, and only its good rows are
 * imported, in batches, when the coach confirms; the visible roster exports as CSV that imports back.
 */
@NullMarked
@NamedInterface("imports")
package io.loadwise.roster.imports;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
