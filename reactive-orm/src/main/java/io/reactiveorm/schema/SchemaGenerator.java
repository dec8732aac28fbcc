package io.reactiveorm.schema;

import io.reactiveorm.dialect.Dialect;
import io.reactiveorm.mapping.Metadata;
import java.util.List;

/** TEMPORARY STUB: replaced by the real generator from the mapping branch. */
public final class SchemaGenerator {
    public SchemaGenerator(Metadata metadata, Dialect dialect) {
    }

    public List<String> createStatements() {
        return List.of();
    }

    public List<String> dropStatements() {
        return List.of();
    }
}
