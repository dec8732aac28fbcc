package io.reactiveorm.internal.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.reactiveorm.fixture.Employee;
import io.reactiveorm.fixture.Post;
import io.reactiveorm.fixture.Tag;
import io.reactiveorm.fixture.User;
import io.reactiveorm.mapping.EntityModel;
import io.reactiveorm.mapping.Metadata;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The flush plan as plain data: what is written, in which order, without a database. */
class FlushPlannerTest {

    private static final Metadata METADATA = Metadata.of(Post.class, Tag.class, User.class, Employee.class);
    private long order;

    private InstanceState pending(Object entity) {
        return new InstanceState(entity, METADATA.entity(entity.getClass()), InstanceState.Status.PENDING, ++order);
    }

    private InstanceState persistent(Object entity, Object key) {
        InstanceState s = new InstanceState(entity, METADATA.entity(entity.getClass()), InstanceState.Status.PERSISTENT, ++order);
        s.key = new EntityKey(entity.getClass(), key);
        s.snapshot = s.currentValues();
        return s;
    }

    private static List<String> describe(FlushPlan plan) {
        List<String> out = new ArrayList<>();
        for (FlushPlan.Action a : plan.actions()) {
            String kind = a.getClass().getSimpleName();
            int rows = a instanceof FlushPlan.Insert i ? i.states().size() : a instanceof FlushPlan.Delete d ? d.states().size() : 1;
            out.add(kind + " " + a.model().name() + " x" + rows);
        }
        return out;
    }

    @Test
    void insertsParentsFirstWhateverTheOrderObjectsWereAdded() {
        User author = new User("a", "a@x", 1);
        List<InstanceState> states = List.of(pending(new Post("p1", author)), pending(new Post("p2", author)), pending(author));
        FlushPlan plan = FlushPlanner.plan(states, METADATA.entities());
        assertThat(describe(plan)).containsExactly("Insert User x1", "Insert Post x2");
    }

    @Test
    void ordersTablesByForeignKeysWhateverTheRegistrationOrder() {
        List<String> names = FlushPlanner.dependencyOrder(METADATA.entities()).stream().map(EntityModel::name).toList();
        assertThat(names.indexOf("User")).isLessThan(names.indexOf("Post"));
    }

    @Test
    void unchangedObjectsPlanNothingAndChangedOnesOnlyTheirColumns() {
        User loaded = new User("a", "a@x", 1);
        InstanceState s = persistent(loaded, 1L);
        assertThat(FlushPlanner.plan(List.of(s), METADATA.entities()).isEmpty()).isTrue();
        loaded.setAge(2);
        loaded.setName("b");
        FlushPlan plan = FlushPlanner.plan(List.of(s), METADATA.entities());
        FlushPlan.Update update = (FlushPlan.Update) plan.actions().get(0);
        List<String> columns = update.changed().stream().map(i -> s.model.attributes().get(i).path()).toList();
        assertThat(columns).containsExactly("name", "age");
    }

    @Test
    void deletesChildrenBeforeParents() {
        User author = new User("a", "a@x", 1);
        Post post = new Post("p", author);
        InstanceState u = persistent(author, 1L);
        InstanceState p = persistent(post, 1L);
        u.status = InstanceState.Status.DELETED;
        p.status = InstanceState.Status.DELETED;
        assertThat(describe(FlushPlanner.plan(List.of(u, p), METADATA.entities())))
                .containsExactly("Delete Post x1", "Delete User x1");
    }

    @Test
    void selfReferencingRowsInsertRootsFirstAndDeleteLeavesFirst() {
        Employee boss = new Employee("boss", null);
        Employee middle = new Employee("middle", boss);
        Employee worker = new Employee("worker", middle);
        List<InstanceState> rows = List.of(pending(worker), pending(middle), pending(boss));
        EntityModel<?> model = METADATA.entity(Employee.class);
        List<List<String>> roots = FlushPlanner.rootsFirstLevels(model, rows, k -> null).stream()
                .map(level -> level.stream().map(s -> ((Employee) s.entity).getName()).toList()).toList();
        assertThat(roots).containsExactly(List.of("boss"), List.of("middle"), List.of("worker"));
        List<List<String>> leaves = FlushPlanner.leavesFirstLevels(model, rows, k -> null).stream()
                .map(level -> level.stream().map(s -> ((Employee) s.entity).getName()).toList()).toList();
        assertThat(leaves).containsExactly(List.of("worker"), List.of("middle"), List.of("boss"));
        assertThat(describe(FlushPlanner.plan(rows, METADATA.entities()))).containsExactly("Insert Employee x3");
    }

    @Test
    void theTableOrderIsComputedOncePerMetadataAndAgainWhenAnOpenOneGrows() {
        List<EntityModel<?>> first = FlushPlanner.cachedDependencyOrder(METADATA.entities());
        assertThat(FlushPlanner.cachedDependencyOrder(METADATA.entities())).isSameAs(first)
                .isEqualTo(FlushPlanner.dependencyOrder(METADATA.entities()));
        assertThat(first.indexOf(METADATA.entity(User.class))).isLessThan(first.indexOf(METADATA.entity(Post.class)));

        Metadata open = Metadata.open();
        open.entity(Post.class);
        List<EntityModel<?>> before = FlushPlanner.cachedDependencyOrder(open.entities());
        open.entity(Employee.class);
        assertThat(FlushPlanner.cachedDependencyOrder(open.entities())).as("recomputed for the grown metadata")
                .hasSizeGreaterThan(before.size())
                .contains(open.entity(Employee.class))
                .isEqualTo(FlushPlanner.dependencyOrder(open.entities()));
    }
}
