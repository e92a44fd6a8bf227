/** Small value types and helpers every Loadwise module may use: ids, time, paging cursors. */
@NullMarked
@ApplicationModule(type = ApplicationModule.Type.OPEN)
package io.loadwise.shared;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
