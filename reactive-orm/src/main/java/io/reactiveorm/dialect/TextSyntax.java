package io.reactiveorm.dialect;

/**
 * What the {@code text()} parser must skip when it replaces {@code :name} parameters: quoted
 * literals and identifiers, and PostgreSQL's {@code ::type} casts. A part of a {@link Dialect}.
 *
 * @param quotes the characters that open and close a quoted literal or identifier
 * @param backslashEscapes whether a backslash escapes the next character inside quotes (MariaDB's
 *     {@code 'it\'s'})
 */
public record TextSyntax(String quotes, boolean backslashEscapes) {

    /** {@code '...'} and {@code "..."}, quotes escaped by doubling (PostgreSQL, H2). */
    public static final TextSyntax STANDARD = new TextSyntax("'\"", false);

    /** Whether {@code c} opens a quoted literal or identifier. */
    public boolean isQuote(char c) {
        return quotes.indexOf(c) >= 0;
    }
}
