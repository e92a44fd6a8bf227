package io.loadwise.roster;

/** A tag of the business's vocabulary and how many clients carry it. */
public record TagCount(String tag, int count) {}
