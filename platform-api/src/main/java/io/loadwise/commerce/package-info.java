/**
 * Commerce contracts: the events billing publishes when money moves (an order paid, a coaching
 * subscription started, fell past due or ended, a refund, a dispute). Billing owns the tables and
 * the Stripe side; the plan engine and notifications only see these ids-only records on Kafka.
 */
@NullMarked
package io.loadwise.commerce;

import org.jspecify.annotations.NullMarked;
