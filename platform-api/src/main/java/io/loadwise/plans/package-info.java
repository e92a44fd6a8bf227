/**
 * Plans: plan templates made of phases, weeks and sessions; the dated plan a client follows; its
 * numbered revisions. The root holds the API other features use (the session and template
 * documents, {@link io.loadwise.plans.PlanRevisions}, the events); {@code internal} the jOOQ side.
 */
@NullMarked
package io.loadwise.plans;

import org.jspecify.annotations.NullMarked;
