/**
 * The plan engine: reads check-ins, logs and missed sessions as they happen (a Kafka consumer in
 * the worker role) and applies the business's rules of the pain-monitoring model — dial back,
 * hold or progress — as plan revisions, or proposes them to the coach. Raises the roster's flags.
 */
@NullMarked
package io.loadwise.planengine;

import org.jspecify.annotations.NullMarked;
