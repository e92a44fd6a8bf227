package io.loadwise.tenancy;

import java.util.Optional;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The tenant the current thread works for.
 *
 * <p>Web requests bind it from the verified token, consumers from the event they handle. Every
 * transaction started while a tenant is bound runs with {@code app.tenant_id} set to it (see
 * {@code TenantAwareTransactionManager}); with none bound, row level security shows no
 * tenant-owned rows at all.
 */
public final class TenantContext {

    private static final ThreadLocal<@Nullable TenantId> CURRENT = new ThreadLocal<>();

    private TenantContext() {}

    public static Optional<TenantId> current() {
        return Optional.ofNullable(CURRENT.get());
    }

    /** The bound tenant, or an exception explaining that this work needs one. */
    public static TenantId require() {
        TenantId tenant = CURRENT.get();
        if (tenant == null) {
            throw new NoTenantException();
        }
        return tenant;
    }

    /**
     * Binds {@code tenant} until the returned scope is closed, then restores what was bound
     * before. Use with try-with-resources.
     */
    public static Scope bind(TenantId tenant) {
        TenantId previous = CURRENT.get();
        CURRENT.set(tenant);
        return () -> restore(previous);
    }

    public static <T> T callAs(TenantId tenant, Supplier<T> work) {
        try (Scope ignored = bind(tenant)) {
            return work.get();
        }
    }

    public static void runAs(TenantId tenant, Runnable work) {
        try (Scope ignored = bind(tenant)) {
            work.run();
        }
    }

    private static void restore(@Nullable TenantId previous) {
        if (previous == null) {
            CURRENT.remove();
        } else {
            CURRENT.set(previous);
        }
    }

    /** A bound tenant; closing it restores the previous binding. */
    public interface Scope extends AutoCloseable {
        @Override
        void close();
    }

    /** Work that needs a tenant ran without one. */
    public static final class NoTenantException extends IllegalStateException {
        public NoTenantException() {
            super("This operation belongs to a coaching business, but no tenant is selected.");
        }
    }
}
