package io.loadwise.privacy;

import io.loadwise.roster.ClientId;
import java.util.List;

/**
 * One category of a client's personal data, as the feature that stores it knows it: what goes into
 * her export and what her erasure removes. Features contribute implementations as Spring beans, so
 * a new kind of data (training logs with the Plans issue) is one more bean, and neither export nor
 * erasure can forget it.
 *
 * <p>Both methods run inside the caller's transaction with the client's tenant bound; the client
 * is known to exist and to be visible to whoever asked.
 */
public interface PersonalData {

    /** The category's key in {@code data.json} and in an erasure's summary, e.g. {@code "injuries"}. */
    String category();

    /** Position in the export and in the erasure summary, lowest first. */
    int order();

    /** The category's data about the client, as JSON-ready values (records, lists, maps). */
    Object export(ClientId client);

    /** Further files for the export, e.g. a log as CSV; none by default. */
    default List<ExportFile> files(ClientId client) {
        return List.of();
    }

    /**
     * Removes the category's data about the client.
     *
     * @return how many records were removed (or made anonymous)
     */
    int erase(ClientId client);
}
