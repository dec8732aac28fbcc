package io.reactiveorm.sql;

import java.util.List;

/**
 * What an {@link Insert} does when a row conflicts with a unique key, rendered in the shape of the
 * dialect's {@link io.reactiveorm.dialect.Upsert}: {@code ON CONFLICT} (PostgreSQL), an equivalent
 * {@code MERGE} (H2), or {@code ON DUPLICATE KEY UPDATE} / {@code INSERT IGNORE} (MariaDB, which
 * act on any unique key, so a target narrower than the unique keys the rows write is refused).
 *
 * @param target the conflict columns; empty means "any unique key" (PostgreSQL's bare
 *     {@code ON CONFLICT DO NOTHING}; the primary key and unique columns elsewhere)
 * @param updates columns to overwrite from the proposed row; empty means DO NOTHING
 */
public record OnConflict(List<ColumnRef<?>> target, List<ColumnRef<?>> updates) {

    /** Copies the lists. */
    public OnConflict {
        target = List.copyOf(target);
        updates = List.copyOf(updates);
    }

    /** Whether conflicting rows are skipped. */
    public boolean doNothing() {
        return updates.isEmpty();
    }
}
