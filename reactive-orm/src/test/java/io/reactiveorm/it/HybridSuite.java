package io.reactiveorm.it;

import static io.reactiveorm.sql.Sql.concat;
import static io.reactiveorm.sql.Sql.count;
import static io.reactiveorm.sql.Sql.length;
import static io.reactiveorm.sql.Sql.select;
import static io.reactiveorm.sql.Sql.update;
import static io.reactiveorm.sql.Sql.value;
import static org.assertj.core.api.Assertions.assertThat;

import io.reactiveorm.fixture.Person;
import io.reactiveorm.fixture.Person_;
import io.reactiveorm.sql.Expression;
import io.reactiveorm.sql.Row;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

/**
 * Hybrid properties (SQLAlchemy's {@code @hybrid_property}) and the string and number functions
 * they are built from: the values each database computes, compared with the Java side of the same
 * property, and the hybrid used in where, order by, select and group by.
 */
public abstract class HybridSuite extends DatabaseTest {

    /** Names with a non-ASCII letter (a byte count is not a character count), negative and half-way numbers. */
    private static final List<Person> PEOPLE = List.of(
            new Person("Alice", "Smith", 34, -7, 2.5),
            new Person("Bob", "Jones", 27, 7, -2.5),
            new Person("Zoë", "Ångström", 41, -1, 0.125),
            new Person("Carl", "Brown", 38, 9, 2.675),
            new Person("Dana", "Åberg", 30, 0, 1234.5));

    @Override
    protected Class<?>[] entities() {
        return new Class<?>[] {Person.class};
    }

    @BeforeEach
    void people() {
        List<Person> copies = PEOPLE.stream().map(p -> new Person(p.getFirstName(), p.getLastName(), p.getAge(),
                p.getBalance(), p.getScore())).toList();
        db.inTransaction(s -> {
            s.addAll(copies);
            return s.commit();
        }).block(TIMEOUT);
        recorder.clear();
    }

    /** The value of {@code hybrid} for each person by id, as the database computes it. */
    private <V> List<Object> sqlSide(Expression<V> hybrid) {
        return db.inSession(s -> s.execute(select(Person_.id, hybrid).orderBy(Person_.id.asc()))
                .map(r -> (Object) r.get(hybrid)).collectList()).block(TIMEOUT);
    }

    /** The same, computed by the Java side on the loaded objects. */
    private List<Object> javaSide(Function<Person, Object> getter) {
        return db.inSession(s -> s.scalars(select(Person.class).orderBy(Person_.id.asc())).map(getter).collectList())
                .block(TIMEOUT);
    }

    private void agree(Expression<?> hybrid, Function<Person, Object> getter) {
        assertThat(sqlSide(hybrid)).as(hybrid.toString()).isEqualTo(javaSide(getter));
    }

    @Test
    void everyHybridComputesWhatItsJavaSideComputes() {
        agree(Person_.fullName, Person::getFullName);
        agree(Person_.fullNameLength, Person::getFullNameLength);
        agree(Person_.initials, Person::getInitials);
        agree(Person_.lastNameTail, Person::getLastNameTail);
        agree(Person_.decade, Person::getDecade);
        agree(Person_.halfBalance, Person::getHalfBalance);
        agree(Person_.distanceFrom30, Person::getDistanceFrom30);
        agree(Person_.nextAge, Person::getNextAge);
        agree(Person_.roundedScore, Person::getRoundedScore);
        agree(Person_.scoreToCents, Person::getScoreToCents);
        agree(Person_.scorePerYear, Person::getScorePerYear);
    }

    @Test
    void theValuesAreTheOnesJavaGives() {
        // spelled out, so that a Java side and a database agreeing on a wrong value is caught too
        assertThat(sqlSide(Person_.fullName)).containsExactly("Alice Smith", "Bob Jones", "Zoë Ångström", "Carl Brown",
                "Dana Åberg");
        assertThat(sqlSide(Person_.fullNameLength)).containsExactly(11, 9, 12, 10, 10);
        assertThat(sqlSide(Person_.initials)).containsExactly("AS", "BJ", "ZÅ", "CB", "DÅ");
        assertThat(sqlSide(Person_.halfBalance)).containsExactly(-3, 3, 0, 4, 0);
        assertThat(sqlSide(Person_.roundedScore)).containsExactly(3.0, -3.0, 0.0, 3.0, 1235.0);
        assertThat(sqlSide(Person_.scoreToCents)).containsExactly(2.5, -2.5, 0.13, 2.68, 1234.5);
        assertThat(sqlSide(Person_.decade)).containsExactly(30, 20, 40, 30, 30);
    }

    @Test
    void aHybridFiltersAndOrdersEntitiesInOneStatement() {
        StepVerifier.create(db.inSession(s -> s.scalars(select(Person.class)
                        .where(Person_.fullName.eq("Zoë Ångström")).orderBy(Person_.fullName.asc())).collectList()))
                .assertNext(found -> assertThat(found).extracting(Person::getFullName).containsExactly("Zoë Ångström"))
                .verifyComplete();
        assertThat(recorder.count()).isEqualTo(1);

        StepVerifier.create(db.inSession(s -> s.scalars(select(Person.class).where(Person_.halfBalance.lt(0))
                        .orderBy(Person_.fullNameLength.desc(), Person_.fullName.asc())).map(Person::getFirstName)
                        .collectList()))
                .assertNext(names -> assertThat(names).containsExactly("Alice"))
                .verifyComplete();
        StepVerifier.create(db.inSession(s -> s.scalars(select(Person.class).orderBy(Person_.fullNameLength.desc(),
                        Person_.fullName.asc())).map(Person::getFullName).collectList()))
                .assertNext(names -> assertThat(names).containsExactly("Zoë Ångström", "Alice Smith", "Carl Brown",
                        "Dana Åberg", "Bob Jones"))
                .verifyComplete();
    }

    @Test
    void aSelectedHybridIsReadByItsHandleAndItsName() {
        List<Row> rows = db.inSession(s -> s.execute(select(Person_.fullName, Person_.age)
                .where(Person_.initials.in("AS", "BJ")).orderBy(Person_.fullName.desc())).collectList()).block(TIMEOUT);
        assertThat(rows).extracting(r -> r.get(Person_.fullName)).containsExactly("Bob Jones", "Alice Smith");
        assertThat(rows).extracting(r -> r.get("fullName")).containsExactly("Bob Jones", "Alice Smith");
        assertThat(db.inSession(s -> s.scalar(select(Person_.fullName).where(Person_.age.eq(27)))).block(TIMEOUT))
                .isEqualTo("Bob Jones");
    }

    @Test
    void aHybridGroupsRowsWithBindsInTheGroupedExpression() {
        // fullName holds a bind: grouping must name the selected column, not repeat the expression
        Map<Object, Long> byDecade = new java.util.LinkedHashMap<>();
        db.inSession(s -> s.execute(select(Person_.decade, count()).groupBy(Person_.decade)
                        .orderBy(Person_.decade.asc())).doOnNext(r -> byDecade.put(r.get(Person_.decade), r.get(count())))
                        .then())
                .block(TIMEOUT);
        assertThat(byDecade).containsExactly(Map.entry(20, 1L), Map.entry(30, 3L), Map.entry(40, 1L));

        List<String> names = db.inSession(s -> s.execute(select(Person_.fullName, count()).groupBy(Person_.fullName)
                        .having(count().ge(1L)).orderBy(Person_.fullName.asc()))
                .map(r -> r.get(Person_.fullName) + "=" + r.get(count())).collectList()).block(TIMEOUT);
        assertThat(names).containsExactly("Alice Smith=1", "Bob Jones=1", "Carl Brown=1", "Dana Åberg=1",
                "Zoë Ångström=1");
    }

    @Test
    void aHybridSelectsRowsOfABulkUpdate() {
        long changed = db.inTransaction(s -> s.execute(update(Person.class).set(Person_.lastName, "Smyth")
                .where(Person_.initials.eq("AS"))).flatMap(n -> s.commit().thenReturn(n))).block(TIMEOUT);
        assertThat(changed).isEqualTo(1);
        assertThat(sqlSide(Person_.fullName)).first().isEqualTo("Alice Smyth");
    }

    @Test
    void concatenationWithNullIsNullOnEveryDatabase() {
        // MariaDB's CONCAT and the standard || agree: one NULL part makes the whole NULL
        List<Object> values = new ArrayList<>();
        db.inSession(s -> s.execute(select(Person_.id, concat(Person_.firstName, nullString()))
                .orderBy(Person_.id.asc()).limit(1)).doOnNext(r -> values.add(r.get(1))).then()).block(TIMEOUT);
        assertThat(values).containsExactly((Object) null);
        assertThat(db.inSession(s -> s.scalar(select(length(concat(Person_.firstName, value("!"))))
                .where(Person_.age.eq(41)))).block(TIMEOUT)).isEqualTo(4);
    }

    /** A NULL string expression: a subquery that finds nothing. */
    private static Expression<String> nullString() {
        return select(Person_.lastName).where(Person_.age.lt(0)).limit(1).asScalar();
    }

    @Test
    void theStatementsRanAreOnePerQuery() {
        Flux<Person> q = db.inSessionMany(s -> s.scalars(select(Person.class).where(Person_.decade.eq(30),
                Person_.distanceFrom30.le(4), Person_.nextAge.gt(30))));
        assertThat(q.map(Person::getFirstName).collectList().block(TIMEOUT)).containsExactlyInAnyOrder("Alice", "Dana");
        assertThat(recorder.count()).isEqualTo(1);
    }
}
