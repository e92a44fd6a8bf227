package io.loadwise.roster.imports;

/** An import file over the size limit. */
public class ImportTooLargeException extends RuntimeException {

    public ImportTooLargeException(long size, int maxBytes) {
        super("The file has " + size + " bytes; an import takes at most " + maxBytes + " bytes ("
                + (maxBytes / (1024 * 1024)) + " MiB). Split it into smaller files.");
    }
}
