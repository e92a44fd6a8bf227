package io.loadwise.shared;

/**
 * Something the caller asked for by id does not exist for them. Also thrown when it exists in
 * another tenant or is not visible to the caller: the API answers 404 for both, so ids of other
 * tenants reveal nothing.
 */
public class NotFoundException extends RuntimeException {

    private final String slug;

    /**
     * @param what what was looked for, e.g. "client"
     * @param id the id asked for
     */
    public NotFoundException(String what, Object id) {
        super("No " + what + " with id " + id + ".");
        this.slug = what.replace(' ', '-') + "-not-found";
    }

    /** A stable problem type slug, e.g. {@code client-not-found}. */
    public String slug() {
        return slug;
    }
}
