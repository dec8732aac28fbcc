package io.reactiveorm.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.PrePersist;
import jakarta.persistence.Table;
import java.lang.reflect.Method;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Less common mapping paths: overrides, self-references, explicit join tables, callback overrides. */
class MappingDetailsTest {

    @MappedSuperclass
    abstract static class Base {
        @Id
        @GeneratedValue
        Long id;

        String label;

        @PrePersist
        void prepare() {
            label = "base";
        }
    }

    @Entity
    @Table(name = "person", schema = "crm")
    @AttributeOverride(name = "label", column = @Column(name = "display_name", nullable = false))
    static class Person extends Base {
        @ManyToMany
        Set<Person> friends;

        @ManyToMany
        @JoinTable(name = "person_blocked", joinColumns = @JoinColumn(name = "blocker"),
                inverseJoinColumns = @JoinColumn(name = "blocked", referencedColumnName = "id"))
        Set<Person> blocked;

        @Convert(disableConversion = true)
        String nickname;

        @Override
        @PrePersist
        void prepare() {
            label = "person";
        }
    }

    @Test
    void classLevelOverrideRenamesAMappedSuperclassColumn() {
        EntityModel<Person> people = Metadata.of(Person.class).entity(Person.class);
        assertThat(people.schema()).isEqualTo("crm");
        assertThat(people.attribute("label").columnName()).isEqualTo("display_name");
        assertThat(people.attribute("label").nullable()).isFalse();
        assertThat(people.id().generation()).as("AUTO on Long").isEqualTo(GenerationKind.IDENTITY);
    }

    @Test
    void selfReferencingManyToManyGetsDistinctColumns() {
        EntityModel<Person> people = Metadata.of(Person.class).entity(Person.class);
        JoinTableModel friends = people.relationship("friends").joinTable();
        assertThat(friends.tableName()).isEqualTo("person_person");
        assertThat(friends.joinColumn().columnName()).isEqualTo("person_id");
        assertThat(friends.inverseJoinColumn().columnName()).isEqualTo("friends_id");
        JoinTableModel blocked = people.relationship("blocked").joinTable();
        assertThat(blocked.tableName()).isEqualTo("person_blocked");
        assertThat(blocked.joinColumn().columnName()).isEqualTo("blocker");
        assertThat(blocked.inverseJoinColumn().columnName()).isEqualTo("blocked");
    }

    @Test
    void disabledConversionIsIgnored() {
        AttributeModel nickname = Metadata.model(Person.class).attribute("nickname");
        assertThat(nickname.converter()).isNull();
        assertThat(nickname.columnType()).isEqualTo(String.class);
    }

    @Test
    void annotatedOverrideOfACallbackRunsOnce() throws Exception {
        EntityModel<Person> people = Metadata.model(Person.class);
        assertThat(people.callbacks(PrePersist.class)).extracting(Method::getDeclaringClass)
                .containsExactly(Person.class);
        Person p = people.newInstance();
        people.callbacks(PrePersist.class).get(0).invoke(p);
        assertThat(p.label).isEqualTo("person");
    }
}
