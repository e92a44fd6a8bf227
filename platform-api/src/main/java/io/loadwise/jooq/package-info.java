/**
 * jOOQ classes generated at build time from the Flyway-migrated schema (see
 * {@code platform-api/src/build/GenerateJooqSources.java}); only this file is hand-written. Open, so
 * each feature's repositories may use the tables it owns.
 */
@ApplicationModule(type = ApplicationModule.Type.OPEN)
package io.loadwise.jooq;

import org.springframework.modulith.ApplicationModule;
