package io.reactiveorm.schema;

import io.reactiveorm.mapping.EntityModel;
import io.reactiveorm.mapping.Metadata;
import io.reactiveorm.mapping.RelationshipModel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Orders entity tables so that each comes after the tables its foreign keys reference. A
 * reference that closes a cycle between different tables ({@code A -> B -> A}) is a back edge: its
 * foreign key is added after both tables exist. Self-references stay inline. The order is
 * deterministic: a depth-first walk in registration order.
 */
final class TableOrder {

    private final List<EntityModel<?>> ordered = new ArrayList<>();
    private final Set<RelationshipModel> deferred = new LinkedHashSet<>();

    private TableOrder() {
    }

    /** Orders the entities of {@code metadata}. */
    static TableOrder of(Metadata metadata) {
        TableOrder order = new TableOrder();
        Map<Class<?>, State> states = new HashMap<>();
        for (EntityModel<?> model : metadata.entities()) {
            order.visit(metadata, model, states);
        }
        return order;
    }

    private enum State { VISITING, DONE }

    private void visit(Metadata metadata, EntityModel<?> model, Map<Class<?>, State> states) {
        if (states.containsKey(model.type())) {
            return;
        }
        states.put(model.type(), State.VISITING);
        for (RelationshipModel r : model.relationships()) {
            if (r.joinColumn() == null || r.target() == model.type()) {
                continue;
            }
            State target = states.get(r.target());
            if (target == State.VISITING) {
                deferred.add(r);
            } else if (target == null) {
                visit(metadata, metadata.entity(r.target()), states);
            }
        }
        states.put(model.type(), State.DONE);
        ordered.add(model);
    }

    /** The entities, each after the ones it references (back edges excepted). */
    List<EntityModel<?>> entities() {
        return ordered;
    }

    /** Whether the foreign key of {@code relationship} must be added after the tables are created. */
    boolean isDeferred(RelationshipModel relationship) {
        return deferred.contains(relationship);
    }

    /** The relationships whose foreign keys close a cycle, in the order they were found. */
    Set<RelationshipModel> deferred() {
        return deferred;
    }
}
