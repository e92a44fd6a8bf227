package io.loadwise.shared;

/**
 * An update was based on a version that is no longer current: someone else saved first. Nothing
 * was changed; the caller should reload and apply their change again. The API answers 412.
 */
public class StaleVersionException extends RuntimeException {

    private final int currentVersion;

    public StaleVersionException(String what, int expectedVersion, int currentVersion) {
        super("This " + what + " was changed by someone else (you edited version " + expectedVersion
                + ", it is now at version " + currentVersion + "). Reload it and apply your change again.");
        this.currentVersion = currentVersion;
    }

    public int currentVersion() {
        return currentVersion;
    }
}
