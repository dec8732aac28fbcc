package io.reactiveorm.internal.render;

import io.reactiveorm.dialect.Dialect;
import io.reactiveorm.dialect.SqlType;
import io.reactiveorm.mapping.AttributeModel;
import io.reactiveorm.mapping.EntityModel;
import io.reactiveorm.mapping.JoinColumnModel;
import io.reactiveorm.mapping.JoinTableModel;
import io.reactiveorm.mapping.Metadata;
import io.reactiveorm.mapping.RelationshipModel;
import io.reactiveorm.sql.BindValue;
import io.reactiveorm.sql.RenderedSql;
import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The selectin-loading queries of the session: many parents' relationship in one query per chunk
 * of keys. Each is rendered once per dialect, relationship, joined steps and number of key markers
 * and kept in the factory's {@link StatementCache}; a call binds its keys to it. Where keys are
 * bound one marker each (an IN list), their number is padded up to the next power of two (at most
 * the chunk size) by repeating the last key, so that a relationship has a few shapes, not one per
 * number of parents.
 */
public final class LoadStatements {

    /** Parent keys per relationship-load query when they are bound as one array. */
    public static final int ARRAY_LOAD_KEYS = 50_000;
    /** Parent keys per relationship-load query when each is its own parameter (at most the dialect's bind ceiling). */
    public static final int LIST_LOAD_KEYS = 30_000;

    private final Supplier<Dialect> dialect;
    private final Metadata metadata;
    private final StatementCache cache;

    /**
     * Statements kept in a cache of their own.
     *
     * @param dialect the engine's dialect, asked at each call
     * @param metadata the mapped entities
     */
    public LoadStatements(Supplier<Dialect> dialect, Metadata metadata) {
        this(dialect, metadata, new StatementCache());
    }

    /**
     * @param dialect the engine's dialect, asked at each call
     * @param metadata the mapped entities
     * @param cache where statements rendered once per shape are kept (the factory's)
     */
    public LoadStatements(Supplier<Dialect> dialect, Metadata metadata, StatementCache cache) {
        this.dialect = Objects.requireNonNull(dialect, "dialect");
        this.metadata = Objects.requireNonNull(metadata, "metadata");
        this.cache = Objects.requireNonNull(cache, "cache");
    }

    /**
     * The shape of a load statement: relationships compared by identity (they are records, and
     * the mapping holds one instance of each), {@code markers} the number of key markers (0: one array).
     */
    private record Shape(Dialect dialect, RelationshipModel relationship, List<RelationshipModel> joined, int markers) {
        @Override
        public boolean equals(Object other) {
            if (!(other instanceof Shape o) || o.dialect != dialect || o.relationship != relationship
                    || o.markers != markers || o.joined.size() != joined.size()) {
                return false;
            }
            for (int i = 0; i < joined.size(); i++) {
                if (o.joined.get(i) != joined.get(i)) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public int hashCode() {
            int h = System.identityHashCode(dialect) * 31 + System.identityHashCode(relationship);
            for (RelationshipModel j : joined) {
                h = h * 31 + System.identityHashCode(j);
            }
            return h * 31 + markers;
        }
    }

    /**
     * How many key markers a list of {@code keys} keys is written with: the next power of two, at
     * most {@code max} (and never fewer than the keys).
     */
    static int paddedSize(int keys, int max) {
        if (keys <= 1) {
            return keys;
        }
        int padded = Integer.highestOneBit(keys - 1) << 1;
        return Math.max(keys, Math.min(padded, max));
    }

    /** How many parent keys one load query of {@code relationship} should carry. */
    public int batchSize(RelationshipModel relationship) {
        Dialect d = dialect.get();
        return d.bulkRows().arrayType(SqlType.of(keyType(relationship))).isPresent() ? ARRAY_LOAD_KEYS
                : Math.min(LIST_LOAD_KEYS, d.bulkRows().maxBinds());
    }

    /** The Java type of the keys a load of {@code relationship} is filtered by (see {@link #load}). */
    public Class<?> keyType(RelationshipModel relationship) {
        if (relationship.owning() && relationship.joinColumn() != null) {
            return relationship.joinColumn().columnType();
        }
        return metadata.entity(relationship.owner()).id().columnType();
    }

    /**
     * The query that loads {@code relationship} for many parents at once (selectin loading): the
     * target entity's columns and foreign keys, then one more column, the key that groups each row
     * under its parent. Rows come ordered by that key, then by the target's key.
     *
     * <ul>
     * <li>owning to-one: {@code SELECT target..., target.id FROM target WHERE target.id IN (fk values)}
     * <li>one-to-many / inverse one-to-one: {@code ... , target.fk FROM target WHERE target.fk IN (parent keys)}
     * <li>many-to-many: {@code ... , assoc.parent_col FROM target JOIN assoc ON ... WHERE assoc.parent_col IN (parent keys)}
     * </ul>
     * The keys are one array parameter ({@code = ANY($1::bigint[])}) where the dialect binds arrays.
     *
     * @param relationship the relationship to load
     * @param keys foreign key values (owning to-one) or parent keys (all other kinds)
     */
    public RenderedSql load(RelationshipModel relationship, List<?> keys) {
        return load(relationship, keys, List.of());
    }

    /**
     * {@link #load(RelationshipModel, List)} with relationships of the target loaded in the same
     * statement ({@code selectin(Post_.comments).joined(Comment_.author)}): each is a LEFT OUTER JOIN
     * (through the association table for many-to-many) under an alias, and its target's columns and
     * foreign keys follow the target's, in the order given, before the grouping key.
     *
     * @param joined relationships declared by the loaded relationship's target
     */
    public RenderedSql load(RelationshipModel relationship, List<?> keys, List<RelationshipModel> joined) {
        Dialect d = dialect.get();
        Class<?> keyType = keyType(relationship);
        Optional<String> arrayType = d.bulkRows().arrayType(SqlType.of(keyType));
        List<BindValue> binds;
        int markers;
        if (arrayType.isPresent()) {
            Object[] array = (Object[]) Array.newInstance(keyType, keys.size());
            for (int i = 0; i < array.length; i++) {
                array[i] = keys.get(i);
            }
            binds = List.of(new BindValue(array, array.getClass()));
            markers = 0;
        } else {
            markers = paddedSize(keys.size(), Math.max(keys.size(), batchSize(relationship)));
            List<BindValue> list = new ArrayList<>(markers);
            for (int i = 0; i < markers; i++) {
                list.add(new BindValue(keys.get(Math.min(i, keys.size() - 1)), keyType));
            }
            binds = list;
        }
        int n = markers;
        RenderedSql template = cache.get(new Shape(d, relationship, List.copyOf(joined), markers),
                () -> render(d, relationship, keyType, arrayType, n, joined));
        return new RenderedSql(template.sql(), binds, template.entity(), template.columns(), template.types(),
                template.generatedKeys(), template.joined());
    }

    /** The SQL of a load statement with {@code markers} key markers (or one array), without bind values. */
    private RenderedSql render(Dialect d, RelationshipModel relationship, Class<?> keyType, Optional<String> arrayType,
            int markers, List<RelationshipModel> joined) {
        EntityModel<?> target = metadata.entity(relationship.target());
        String t = d.quote(target.tableName());
        StringBuilder sb = new StringBuilder("SELECT ");
        for (AttributeModel a : target.attributes()) {
            sb.append(t).append('.').append(d.quote(a.columnName())).append(", ");
        }
        for (RelationshipModel fk : target.foreignKeys()) {
            sb.append(t).append('.').append(d.quote(fk.joinColumn().columnName())).append(", ");
        }
        StringBuilder joins = new StringBuilder();
        for (int j = 0; j < joined.size(); j++) {
            RelationshipModel jr = joined.get(j);
            EntityModel<?> jt = metadata.entity(jr.target());
            String alias = d.quote(jt.tableName() + "_j" + (j + 1));
            joinedLoad(d, joins, jr, t, alias, j + 1);
            for (AttributeModel a : jt.attributes()) {
                sb.append(alias).append('.').append(d.quote(a.columnName())).append(", ");
            }
            for (RelationshipModel fk : jt.foreignKeys()) {
                sb.append(alias).append('.').append(d.quote(fk.joinColumn().columnName())).append(", ");
            }
        }
        String groupColumn;
        String from = Binds.table(d, target);
        RelationshipModel owning = relationship.owning() ? relationship : metadata.otherSide(relationship);
        if (owning.joinTable() != null) {
            JoinTableModel jt = owning.joinTable();
            JoinColumnModel toParent = relationship.owning() ? jt.joinColumn() : jt.inverseJoinColumn();
            JoinColumnModel toTarget = relationship.owning() ? jt.inverseJoinColumn() : jt.joinColumn();
            String assoc = d.quote(jt.tableName());
            groupColumn = assoc + "." + d.quote(toParent.columnName());
            from = from + " JOIN " + Binds.joinTable(d, metadata, jt.tableName()) + " ON " + assoc + "." + d.quote(toTarget.columnName()) + " = " + t + "."
                    + d.quote(toTarget.referencedColumnName());
        } else if (relationship.owning()) {
            groupColumn = t + "." + d.quote(relationship.joinColumn().referencedColumnName());
        } else {
            groupColumn = t + "." + d.quote(owning.joinColumn().columnName());
        }
        sb.append(groupColumn).append(" FROM ").append(from).append(joins).append(" WHERE ").append(groupColumn);
        if (arrayType.isPresent()) {
            sb.append(" = ANY(").append(d.bindMarker(1)).append("::").append(arrayType.get()).append(')');
        } else {
            sb.append(" IN (");
            for (int i = 0; i < markers; i++) {
                sb.append(i > 0 ? ", " : "").append(d.bindMarker(i + 1));
            }
            sb.append(')');
        }
        sb.append(" ORDER BY ").append(groupColumn).append(", ").append(t).append('.').append(d.quote(target.id().columnName()));
        return new RenderedSql(sb.toString(), List.of(), target, target.attributes(), List.of(keyType), List.of(),
                joined);
    }

    /** {@code LEFT OUTER JOIN} of one joined-loaded relationship of the table {@code source}, its target named {@code alias}. */
    private void joinedLoad(Dialect d, StringBuilder sb, RelationshipModel r, String source, String alias, int n) {
        EntityModel<?> target = metadata.entity(r.target());
        String table = Binds.table(d, target) + " " + alias;
        RelationshipModel owning = r.owning() ? r : metadata.otherSide(r);
        if (owning.joinTable() != null) {
            JoinTableModel jt = owning.joinTable();
            JoinColumnModel toSource = r.owning() ? jt.joinColumn() : jt.inverseJoinColumn();
            JoinColumnModel toTarget = r.owning() ? jt.inverseJoinColumn() : jt.joinColumn();
            String assoc = d.quote(jt.tableName() + "_j" + n);
            sb.append(" LEFT OUTER JOIN ").append(d.quote(jt.tableName())).append(' ').append(assoc).append(" ON ")
                    .append(assoc).append('.').append(d.quote(toSource.columnName())).append(" = ").append(source)
                    .append('.').append(d.quote(toSource.referencedColumnName()));
            sb.append(" LEFT OUTER JOIN ").append(table).append(" ON ").append(alias).append('.')
                    .append(d.quote(toTarget.referencedColumnName())).append(" = ").append(assoc).append('.')
                    .append(d.quote(toTarget.columnName()));
            return;
        }
        JoinColumnModel jc = owning.joinColumn();
        sb.append(" LEFT OUTER JOIN ").append(table).append(" ON ");
        if (r.owning()) {
            sb.append(alias).append('.').append(d.quote(jc.referencedColumnName())).append(" = ").append(source)
                    .append('.').append(d.quote(jc.columnName()));
        } else {
            sb.append(alias).append('.').append(d.quote(jc.columnName())).append(" = ").append(source).append('.')
                    .append(d.quote(jc.referencedColumnName()));
        }
    }
}
