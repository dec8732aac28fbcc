package io.reactiveorm.schema;

/**
 * Brings the mapping's and the database's spelling of a type or default to one form before
 * {@link SchemaDiff} compares them ({@code varchar(255)} and {@code character varying(255)};
 * {@code 'draft'} and {@code 'draft'::character varying}). One function for both sides, so a
 * column never differs from itself: a second autogenerate finds nothing.
 */
public interface SchemaNormalizer {

    /** Compares types and defaults exactly as written: for tests and for snapshots already normalized. */
    SchemaNormalizer EXACT = new SchemaNormalizer() {
        @Override
        public String type(String type) {
            return type;
        }

        @Override
        public String defaultValue(String expression) {
            return expression;
        }
    };

    /** The canonical form of a column type (base, length, precision, scale). */
    String type(String type);

    /**
     * The canonical form of a default expression, or {@code null} when it is not compared: none at
     * all, or one that draws from a sequence (sequences are compared on their own).
     */
    String defaultValue(String expression);
}
