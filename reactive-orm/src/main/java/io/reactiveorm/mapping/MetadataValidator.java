package io.reactiveorm.mapping;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Checks that only make sense across entities, once all of a {@link Metadata} are read: every
 * relationship target is registered, every {@code mappedBy} names an owning relationship of the
 * matching kind pointing back, and no two entities or association tables share a table.
 */
final class MetadataValidator {

    private MetadataValidator() {
    }

    /** @throws MappingException naming class, attribute and fix for the first problem found */
    static void validate(Metadata metadata) {
        Map<String, String> tables = new HashMap<>();
        for (EntityModel<?> model : metadata.entities()) {
            claimTable(tables, model.type(), null, qualified(model.schema(), model.tableName()));
        }
        for (EntityModel<?> model : metadata.entities()) {
            for (RelationshipModel r : model.relationships()) {
                if (!metadata.isEntity(r.target())) {
                    throw MappingException.of(r.owner(), r.name(), "targets " + r.target().getName()
                            + ", which is not a registered entity", "register " + r.target().getSimpleName()
                            + " with the other entities");
                }
                if (!r.owning()) {
                    checkMappedBy(metadata, r);
                } else if (r.joinTable() != null) {
                    claimTable(tables, r.owner(), r.name(), qualified(metadata.defaultSchema(), r.joinTable().tableName()));
                }
            }
        }
    }

    private static void claimTable(Map<String, String> tables, Class<?> type, String attribute, String table) {
        String who = type.getName() + (attribute == null ? "" : "." + attribute);
        String earlier = tables.putIfAbsent(table.toLowerCase(Locale.ROOT), who);
        if (earlier != null) {
            throw MappingException.of(type, attribute, "maps the table '" + table + "', which " + earlier
                    + " maps too", attribute == null ? "give one of them another name with @Table(name = \"...\")"
                    : "name the association table with @JoinTable(name = \"...\")");
        }
    }

    private static String qualified(String schema, String table) {
        return schema == null ? table : schema + "." + table;
    }

    private static void checkMappedBy(Metadata metadata, RelationshipModel inverse) {
        EntityModel<?> target = metadata.entity(inverse.target());
        RelationshipModel owning = null;
        for (RelationshipModel r : target.relationships()) {
            if (r.name().equals(inverse.mappedBy())) {
                owning = r;
            }
        }
        String mappedBy = "mappedBy = \"" + inverse.mappedBy() + "\"";
        if (owning == null) {
            throw MappingException.of(inverse.owner(), inverse.name(), "has " + mappedBy + ", but "
                    + target.name() + " has no relationship named '" + inverse.mappedBy() + "'",
                    "set mappedBy to the " + target.name() + " field that owns the relationship, one of "
                            + target.relationships().stream().map(RelationshipModel::name).toList());
        }
        if (!owning.owning()) {
            throw MappingException.of(inverse.owner(), inverse.name(), "has " + mappedBy + ", but " + owning
                    + " is itself an inverse side (mappedBy = \"" + owning.mappedBy() + "\")",
                    "exactly one side owns the relationship: remove mappedBy from " + owning);
        }
        if (owning.target() != inverse.owner()) {
            throw MappingException.of(inverse.owner(), inverse.name(), "has " + mappedBy + ", but " + owning
                    + " points at " + owning.target().getSimpleName() + ", not at " + inverse.owner().getSimpleName(),
                    "name a " + target.name() + " field whose type is " + inverse.owner().getSimpleName());
        }
        RelationshipKind expected = switch (inverse.kind()) {
            case ONE_TO_MANY -> RelationshipKind.MANY_TO_ONE;
            case ONE_TO_ONE -> RelationshipKind.ONE_TO_ONE;
            case MANY_TO_MANY -> RelationshipKind.MANY_TO_MANY;
            // RelationshipReader reads @ManyToOne as owning (it has no mappedBy), so this is a guard only
            case MANY_TO_ONE -> throw MappingException.of(inverse.owner(), inverse.name(), "is a @ManyToOne read as "
                    + "an inverse side", "a @ManyToOne always owns its foreign key: map the other side with mappedBy");
        };
        if (owning.kind() != expected) {
            throw MappingException.of(inverse.owner(), inverse.name(), "is a " + annotation(inverse.kind())
                    + " with " + mappedBy + ", but " + owning + " is a " + annotation(owning.kind()),
                    "the owning side of a " + annotation(inverse.kind()) + " must be a " + annotation(expected));
        }
    }

    private static String annotation(RelationshipKind kind) {
        return switch (kind) {
            case MANY_TO_ONE -> "@ManyToOne";
            case ONE_TO_MANY -> "@OneToMany";
            case ONE_TO_ONE -> "@OneToOne";
            case MANY_TO_MANY -> "@ManyToMany";
        };
    }
}
