package io.loadwise.roster.imports;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Limits of roster CSV imports.
 *
 * @param maxBytes largest file accepted (2 MiB)
 * @param maxRows most client rows in one file
 * @param batchSize rows imported per transaction; progress is visible between batches
 */
@ConfigurationProperties("loadwise.roster.imports")
public record RosterImportProperties(
        @DefaultValue("2097152") int maxBytes,
        @DefaultValue("5000") int maxRows,
        @DefaultValue("100") int batchSize) {}
