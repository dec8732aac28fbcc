package io.reactiveorm.internal.session;

import io.reactiveorm.mapping.EntityModel;
import java.util.List;

/**
 * What one flush will write, in order, before any of it is written: inserts per table (parents
 * first), updates of changed columns, deletes per table (children first). Plain data, built by
 * {@link FlushPlanner} and tested without a database.
 *
 * @param actions the writes, in execution order
 */
record FlushPlan(List<Action> actions) {

    /** One step of a flush. */
    sealed interface Action permits Insert, Update, Delete, Associations {
        /** The entity written. */
        EntityModel<?> model();
    }

    /**
     * Insert these new objects of one table, in this order.
     *
     * @param model the entity
     * @param states the pending objects
     */
    record Insert(EntityModel<?> model, List<InstanceState> states) implements Action {
    }

    /**
     * Update the changed columns of one object.
     *
     * @param model the entity
     * @param state the object
     * @param changed indexes into {@code model.attributes()} of the changed columns
     * @param changedForeignKeys indexes into {@code model.foreignKeys()} of the changed references
     */
    record Update(EntityModel<?> model, InstanceState state, List<Integer> changed, List<Integer> changedForeignKeys)
            implements Action {
    }

    /**
     * Insert or delete many-to-many association rows of one owning relationship.
     *
     * @param model the owning entity
     * @param owning the owning relationship (its join table holds the rows)
     * @param pairs the (owner, target) objects of each row
     * @param insert insert (true) or delete (false)
     */
    record Associations(EntityModel<?> model, io.reactiveorm.mapping.RelationshipModel owning, List<Object[]> pairs,
            boolean insert) implements Action {
    }

    /**
     * Delete these objects of one table.
     *
     * @param model the entity
     * @param states the deleted objects, children before parents for self-references
     */
    record Delete(EntityModel<?> model, List<InstanceState> states) implements Action {
    }

    /** Whether there is nothing to write. */
    boolean isEmpty() {
        return actions.isEmpty();
    }
}
