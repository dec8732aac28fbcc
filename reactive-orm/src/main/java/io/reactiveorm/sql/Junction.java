package io.reactiveorm.sql;

import java.util.List;

/**
 * {@code c1 AND c2 AND ...} or {@code c1 OR c2 OR ...}; an empty AND is true, an empty OR false.
 *
 * @param and true for AND, false for OR
 * @param conditions the operands
 */
public record Junction(boolean and, List<Condition> conditions) implements Condition {

    /** Copies the operand list. */
    public Junction {
        conditions = List.copyOf(conditions);
    }

    @Override
    public List<Condition> conjuncts() {
        return and ? conditions : List.of(this);
    }
}
