package io.loadwise.app;

import java.net.ConnectException;
import java.sql.SQLException;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.core.env.Environment;

/**
 * Turns "infrastructure unreachable" start-up failures into a short description and the setting to
 * change, instead of a page of stack trace.
 */
class InfrastructureFailureAnalyzer implements FailureAnalyzer {

    private final Environment environment;

    InfrastructureFailureAnalyzer(Environment environment) {
        this.environment = environment;
    }

    @Override
    public FailureAnalysis analyze(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof InfrastructureUnavailableException unavailable) {
                return new FailureAnalysis(unavailable.getMessage(), unavailable.action(), unavailable);
            }
        }
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getClass().getName().startsWith("org.postgresql")) {
                return postgres(sql);
            }
        }
        return null;
    }

    private FailureAnalysis postgres(SQLException failure) {
        String url = environment.getProperty("spring.datasource.url", "(spring.datasource.url not set)");
        String user = environment.getProperty("spring.datasource.username", "");
        String state = failure.getSQLState() == null ? "" : failure.getSQLState();
        boolean refused = hasCause(failure, ConnectException.class) || state.equals("08001");
        if (refused) {
            return new FailureAnalysis(
                    "PostgreSQL is unreachable at " + url + " (" + failure.getMessage() + ").",
                    "Start PostgreSQL, or point Loadwise at yours with LOADWISE_DB_URL"
                            + " (spring.datasource.url). For a local run with everything embedded use"
                            + " ./mvnw -Prun (see README).",
                    failure);
        }
        if (state.equals("28P01") || state.equals("28000")) {
            return new FailureAnalysis(
                    "PostgreSQL at " + url + " refused the login of '" + user + "' or of the migration owner: "
                            + failure.getMessage(),
                    "Check LOADWISE_DB_USER / LOADWISE_DB_PASSWORD (the application role) and"
                            + " LOADWISE_DB_OWNER / LOADWISE_DB_OWNER_PASSWORD (Flyway's schema owner).",
                    failure);
        }
        if (state.equals("3D000")) {
            return new FailureAnalysis(
                    "The database in " + url + " does not exist: " + failure.getMessage(),
                    "Create it owned by the migration owner (see deploy/sql/bootstrap.sql) or fix LOADWISE_DB_URL.",
                    failure);
        }
        return null;
    }

    private static boolean hasCause(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}
