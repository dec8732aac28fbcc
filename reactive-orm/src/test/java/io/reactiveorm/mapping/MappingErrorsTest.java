package io.reactiveorm.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Embedded;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OneToOne;
import jakarta.persistence.PrePersist;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Each unsupported or contradictory mapping fails with the class, the attribute and a fix. */
class MappingErrorsTest {

    // --- fixtures -------------------------------------------------------------------------------

    @Entity
    static class Target {
        @Id
        Long id;
    }

    @Entity
    static class DateField {
        @Id
        Long id;
        Date created;
    }

    @Entity
    static class MapField {
        @Id
        Long id;
        Map<String, String> settings;
    }

    @Entity
    static class MissingRelationshipAnnotations {
        @Id
        Long id;
        Target target;
    }

    @Entity
    static class MissingCollectionAnnotation {
        @Id
        Long id;
        List<Target> targets;
    }

    @Entity
    static class EnumeratedString {
        @Id
        Long id;
        @Enumerated
        String kind;
    }

    static class UpperCase implements AttributeConverter<String, String> {
        @Override
        public String convertToDatabaseColumn(String attribute) {
            return attribute.toUpperCase();
        }

        @Override
        public String convertToEntityAttribute(String dbData) {
            return dbData;
        }
    }

    @Entity
    static class ConverterMismatch {
        @Id
        Long id;
        @Convert(converter = UpperCase.class)
        Integer count;
    }

    @Entity
    static class IdentityOnString {
        @Id
        @GeneratedValue(strategy = GenerationType.IDENTITY)
        String code;
    }

    @Entity
    static class UuidOnLong {
        @Id
        @GeneratedValue(strategy = GenerationType.UUID)
        Long id;
    }

    @Entity
    static class StringVersion {
        @Id
        Long id;
        @Version
        String version;
    }

    @Entity
    static class TwoVersions {
        @Id
        Long id;
        @Version
        int version;
        @Version
        long revision;
    }

    @Entity
    static class IdOnGetter {
        Long id;

        @Id
        public Long getId() {
            return id;
        }
    }

    @Entity
    static class TwoIds {
        @Id
        Long tenant;
        @Id
        Long number;
    }

    @Embeddable
    static class Key {
        Long a;
        Long b;
    }

    @Entity
    static class WithEmbeddedId {
        @EmbeddedId
        Key key;
    }

    static class NotEmbeddable {
        String street;
    }

    @Entity
    static class EmbeddedNotEmbeddable {
        @Id
        Long id;
        @Embedded
        NotEmbeddable address;
    }

    @Entity
    static class FinalField {
        @Id
        Long id;
        final String name = "x";
    }

    @Entity
    static class UnidirectionalOneToMany {
        @Id
        Long id;
        @OneToMany
        List<Target> targets;
    }

    @Entity
    static class ArrayListCollection {
        @Id
        Long id;
        @ManyToMany
        ArrayList<Target> targets;
    }

    @Entity
    static class CollectionOfStrings {
        @Id
        Long id;
        @ManyToMany
        Set<String> names;
    }

    @Entity
    static class DuplicateColumns {
        @Id
        Long id;
        @Column(name = "title")
        String name;
        String title;
    }

    @Entity
    static class SharedJoinColumn {
        @Id
        Long id;
        @ManyToOne
        Target target;
        @Column(name = "target_id")
        Long targetId;
    }

    @Entity
    static class MappedByMissing {
        @Id
        Long id;
        @OneToMany(mappedBy = "owner")
        List<Child> children;
    }

    @Entity
    static class Child {
        @Id
        Long id;
        @ManyToOne
        MappedByMissing parent;
    }

    @Entity
    static class MappedByWrongKind {
        @Id
        Long id;
        @ManyToMany(mappedBy = "parent")
        Set<WrongKindChild> children;
    }

    @Entity
    static class WrongKindChild {
        @Id
        Long id;
        @ManyToOne
        MappedByWrongKind parent;
    }

    @Entity
    static class CallbackWithArguments {
        @Id
        Long id;

        @PrePersist
        void before(Object session) {
        }
    }

    static class PlainBase {
        @Column(name = "created")
        String created;
    }

    @Entity
    static class ExtendsPlainBase extends PlainBase {
        @Id
        Long id;
    }

    @Entity
    static class UnknownGenerator {
        @Id
        @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "nope")
        Long id;
    }

    @Entity
    static class ManyToOneToNonEntity {
        @Id
        Long id;
        @ManyToOne
        NotEmbeddable address;
    }

    @Entity
    static class ColumnOnRelationship {
        @Id
        Long id;
        @OneToOne
        @Column(name = "target")
        Target target;
    }

    @Entity
    @Table(name = "target")
    static class SameTable {
        @Id
        Long id;
        @ManyToOne
        Target target;
    }

    static class NotAnEntity {
        @Id
        Long id;
    }

    @Entity
    abstract static class AbstractEntity {
        @Id
        Long id;
    }

    @Entity
    static class NoConstructor {
        @Id
        Long id;

        NoConstructor(Long id) {
            this.id = id;
        }
    }

    @Entity
    static class NoId {
        String name;
    }

    @Entity
    @Table(indexes = @Index(columnList = "nmae"))
    static class UnknownIndexColumn {
        @Id
        Long id;
        String name;
    }

    @Entity
    class InnerEntity {
        @Id
        Long id;
    }

    // --- attribute-level errors -----------------------------------------------------------------

    @Test
    void unsupportedTypeNamesTheTypeAndTheWayOut() {
        assertMappingError(DateField.class, "created", "java.util.Date", "@Convert", "@Embedded", "@Transient");
        assertMappingError(MapField.class, "settings", "java.util.Map");
    }

    @Entity
    static class LoadingOnAColumn {
        @Id
        Long id;
        @io.reactiveorm.mapping.Loading(io.reactiveorm.mapping.Loading.Strategy.JOINED)
        String name;
    }

    @Test
    void loadingIsForRelationshipsOnly() {
        assertMappingError(LoadingOnAColumn.class, "name", "@Loading", "relationships only");
    }

    @Test
    void entityTypedFieldsNeedARelationshipAnnotation() {
        assertMappingError(MissingRelationshipAnnotations.class, "target", "no relationship annotation", "@ManyToOne");
        assertMappingError(MissingCollectionAnnotation.class, "targets", "java.util.List", "@OneToMany");
    }

    @Test
    void enumeratedOnANonEnum() {
        assertMappingError(EnumeratedString.class, "kind", "@Enumerated", "not an enum");
    }

    @Test
    void converterForAnotherType() {
        assertMappingError(ConverterMismatch.class, "count", "java.lang.Integer", "converts java.lang.String");
    }

    @Test
    void databaseGenerationOnANonIntegralKey() {
        assertMappingError(IdentityOnString.class, "code", "IDENTITY", "java.lang.String");
        assertMappingError(UuidOnLong.class, "id", "UUID", "java.util.UUID");
        assertMappingError(UnknownGenerator.class, "id", "'nope'", "@SequenceGenerator");
    }

    @Test
    void versionTypeAndCount() {
        assertMappingError(StringVersion.class, "version", "@Version", "java.lang.String");
        assertMappingError(TwoVersions.class, "revision", "second @Version");
    }

    @Test
    void idOnAGetterAsksForTheField() {
        assertMappingError(IdOnGetter.class, "id", "getId()", "annotate the field");
    }

    @Test
    void compositeKeysAreNotSupportedYet() {
        assertMappingError(TwoIds.class, "number", "composite keys are not supported yet");
        assertMappingError(WithEmbeddedId.class, "key", "@EmbeddedId", "not supported yet");
    }

    @Test
    void embeddedWithoutEmbeddable() {
        assertMappingError(EmbeddedNotEmbeddable.class, "address", "@Embeddable");
    }

    @Test
    void finalFieldCannotBeHydrated() {
        assertMappingError(FinalField.class, "name", "final");
    }

    @Test
    void aUnidirectionalOneToManyNeedsAJoinColumn() {
        assertMappingError(UnidirectionalOneToMany.class, "targets", "without mappedBy or @JoinColumn",
                "@JoinColumn(name = ", "@ManyToOne", "mappedBy");
    }

    @Test
    void collectionsMustBeListSetOrCollectionOfEntities() {
        assertMappingError(ArrayListCollection.class, "targets", "java.util.ArrayList", "List<T>, Set<T>");
        assertMappingError(CollectionOfStrings.class, "names", "java.lang.String", "not an @Entity",
                "collection of values");
        assertMappingError(ManyToOneToNonEntity.class, "address", "not an @Entity");
    }

    @Test
    void columnMappedTwice() {
        assertMappingError(DuplicateColumns.class, "title", "'title'", "'name'");
        assertMappingError(SharedJoinColumn.class, "target", "'target_id'", "'targetId'", "insertable = false");
    }

    @Test
    void columnOnARelationship() {
        assertMappingError(ColumnOnRelationship.class, "target", "@JoinColumn");
    }

    @Test
    void mappedByMustNameAnOwningRelationshipOfTheRightKind() {
        assertMappingError(MappedByMissing.class, "children", "mappedBy = \"owner\"", "[parent]");
        assertMappingError(MappedByWrongKind.class, "children", "@ManyToMany", "@ManyToOne");
    }

    @Test
    void callbackWithArguments() {
        assertMappingError(CallbackWithArguments.class, "before", "@PrePersist", "takes 1 parameter");
    }

    @Test
    void mappedLookingFieldsInAPlainSuperclass() {
        assertMappingError(ExtendsPlainBase.class, "created", "PlainBase", "@MappedSuperclass",
                "inheritance is not supported yet");
    }

    // --- class-level errors ---------------------------------------------------------------------

    @Test
    void notAnEntity() {
        assertClassError(NotAnEntity.class, "@Entity");
    }

    @Test
    void abstractEntity() {
        assertClassError(AbstractEntity.class, "abstract");
    }

    @Test
    void noNoArgumentConstructor() {
        assertClassError(NoConstructor.class, "no-argument constructor");
        assertClassError(InnerEntity.class, "static");
    }

    /** Maps fine; its constructor fails only when a row is loaded. */
    @Entity
    static class FailingConstructor {
        static final IllegalStateException FAILURE = new IllegalStateException("no I/O in a constructor");
        @Id
        Long id;

        FailingConstructor() {
            throw FAILURE;
        }
    }

    @Test
    void constructorFailureKeepsItsCause() {
        EntityModel<FailingConstructor> model = Metadata.of(FailingConstructor.class).entity(FailingConstructor.class);
        Throwable thrown = catchThrowable(model::newInstance);
        assertThat(thrown).isInstanceOf(MappingException.class)
                .hasMessageContaining(FailingConstructor.class.getName()).hasMessageContaining("Fix:");
        assertThat(thrown.getCause()).isSameAs(FailingConstructor.FAILURE);
    }

    @Test
    void noId() {
        assertClassError(NoId.class, "no @Id");
    }

    @Test
    void unknownIndexColumn() {
        assertClassError(UnknownIndexColumn.class, "'nmae'", "[id, name]");
    }

    @Test
    void twoEntitiesOnOneTable() {
        assertClassError(SameTable.class, "'target'", Target.class.getName(), "@Table(name");
    }

    @Test
    void goodEntityStillReads() {
        assertThat(Metadata.of(Target.class).entity(Target.class).tableName()).isEqualTo("target");
        assertThat(Metadata.model(Child.class).relationship("parent").joinColumn().columnName())
                .isEqualTo("parent_id");
    }

    private static void assertMappingError(Class<?> type, String attribute, String... fragments) {
        assertThatThrownBy(() -> Metadata.of(type))
                .isInstanceOf(MappingException.class)
                .hasMessageContaining(type.getName() + "." + attribute + ":")
                .hasMessageContaining("Fix:")
                .hasMessageContainingAll(fragments);
    }

    private static void assertClassError(Class<?> type, String... fragments) {
        assertThatThrownBy(() -> Metadata.of(type))
                .isInstanceOf(MappingException.class)
                .hasMessageContaining(type.getName())
                .hasMessageContaining("Fix:")
                .hasMessageContainingAll(fragments);
    }
}
