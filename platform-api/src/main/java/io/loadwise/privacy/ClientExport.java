package io.loadwise.privacy;

import io.loadwise.roster.ClientId;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Everything stored about one client: {@code data} becomes {@code data.json} (one entry per
 * {@link PersonalData} category), {@code files} the CSV logs next to it, and {@code archive} is
 * the ZIP holding them all, as downloaded.
 */
public record ClientExport(
        ClientId clientId, Instant generatedAt, Map<String, Object> data, List<ExportFile> files, byte[] archive) {

    public ClientExport {
        data = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(data));
        files = List.copyOf(files);
    }

    /** The name the ZIP is downloaded as. */
    public String fileName() {
        return "loadwise-data-" + clientId + ".zip";
    }
}
