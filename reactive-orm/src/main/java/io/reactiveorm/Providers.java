package io.reactiveorm;

import java.util.ServiceLoader;

/** Finds the {@link OrmProvider} once, when the first engine is built. */
final class Providers {

    static final OrmProvider PROVIDER = load();

    private Providers() {
    }

    private static OrmProvider load() {
        return ServiceLoader.load(OrmProvider.class, OrmProvider.class.getClassLoader()).findFirst()
                .orElseThrow(() -> new OrmException("no implementation of io.reactiveorm.OrmProvider found: the "
                        + "reactive-orm jar's META-INF/services/io.reactiveorm.OrmProvider is missing. Fix: keep that "
                        + "file when shading or repackaging the jar (merge service files)"));
    }
}
