package io.reactiveorm.it;

/** {@link DefaultSchemaSuite} on MariaDB (configured, or the machine's server), where the schema is a database. */
class MariaDbDefaultSchemaTest extends DefaultSchemaSuite {
    @Override
    protected String url() {
        return mariadb();
    }

    /** A database beside the suite's own, named after it: a MariaDB server is shared by every build. */
    @Override
    protected String schema() {
        String url = url();
        String database = url.substring(url.lastIndexOf('/') + 1).replaceAll("[?;].*", "");
        return database + "_alt";
    }
}
