package io.loadwise.events;

import io.loadwise.tenancy.TenantId;

/**
 * An event of one business. Externalized, it goes to Kafka with the business as its key: all of a
 * business's events of one topic land in one partition, so consumers see them in the order they
 * happened, while businesses spread over the partitions.
 */
public interface TenantEvent {

    TenantId tenantId();
}
