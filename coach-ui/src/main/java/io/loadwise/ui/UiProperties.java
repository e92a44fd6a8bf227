package io.loadwise.ui;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the Vaadin UI.
 *
 * @param rosterPageSize how many clients the roster shows before "Load more" (1 to 200)
 */
@ConfigurationProperties("loadwise.ui")
public record UiProperties(@DefaultValue("50") int rosterPageSize) {

    public UiProperties {
        if (rosterPageSize < 1 || rosterPageSize > 200) {
            throw new IllegalArgumentException(
                    "loadwise.ui.roster-page-size must be between 1 and 200, was " + rosterPageSize);
        }
    }
}
