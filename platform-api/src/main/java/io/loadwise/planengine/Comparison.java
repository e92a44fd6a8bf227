package io.loadwise.planengine;

import java.util.Arrays;
import java.util.Optional;

/** How a trigger compares a measured value with its threshold. */
public enum Comparison {
    GREATER_THAN(">"),
    AT_LEAST(">=");

    private final String symbol;

    Comparison(String symbol) {
        this.symbol = symbol;
    }

    public String symbol() {
        return symbol;
    }

    public boolean holds(int value, int threshold) {
        return this == GREATER_THAN ? value > threshold : value >= threshold;
    }

    public static Optional<Comparison> ofSymbol(String symbol) {
        return Arrays.stream(values()).filter(c -> c.symbol.equals(symbol)).findFirst();
    }
}
