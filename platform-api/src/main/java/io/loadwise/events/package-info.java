/**
 * Events between modules and to Kafka: the outbox's externalization settings, the topics, the
 * worker role's listener containers (retries, dead letters) and the idempotency store consumers
 * use.
 *
 * @see <a href="../../../../../../../docs/adr/0003-events.md">ADR 0003: events</a>
 */
@NullMarked
package io.loadwise.events;

import org.jspecify.annotations.NullMarked;
