/** The coach's roster CSV import (report per row, confirm, progress) and CSV export. */
@NullMarked
package io.loadwise.ui.imports;

import org.jspecify.annotations.NullMarked;
