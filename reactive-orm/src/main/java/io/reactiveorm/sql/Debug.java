package io.reactiveorm.sql;

/** Renders statements for {@code toString()}. */
final class Debug {

    private Debug() {
    }

    static String render(Object statement) {
        return statement.getClass().getSimpleName();
    }
}
