package io.reactiveorm.processor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;
import javax.tools.Diagnostic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs {@link MetamodelProcessor} inside the system Java compiler on source snippets: what it
 * generates, that the handles type-check user code, how it reports mapping mistakes, and that javac
 * finds it through the service file alone.
 */
class MetamodelProcessorTest {

    private static final String USER = """
            package com.example;

            import jakarta.persistence.*;

            @Entity
            public class User {
                @Id Long id;
                String email;
            }
            """;

    @TempDir
    Path dir;

    @Test
    void columnHandleAcceptsValuesOfItsType() {
        TestCompiler.Result result = compile(Map.of(
                "com/example/User.java", USER,
                "com/example/Query.java", """
                        package com.example;

                        import io.reactiveorm.sql.Condition;

                        class Query {
                            Condition byEmail = User_.email.eq("x");
                        }
                        """));

        assertThat(result.success()).as(result.report()).isTrue();
        assertThat(result.generatedFiles()).containsExactly("com/example/User_.java");
    }

    @Test
    void columnHandleRejectsValuesOfAnotherType() {
        TestCompiler.Result result = compile(Map.of(
                "com/example/User.java", USER,
                "com/example/Query.java", """
                        package com.example;

                        import io.reactiveorm.sql.Condition;

                        class Query {
                            Condition byEmail = User_.email.eq(5);
                        }
                        """));

        assertThat(result.success()).isFalse();
        assertThat(result.messages(Diagnostic.Kind.ERROR)).singleElement().asString()
                .startsWith("Query.java: ")
                .contains("eq(int)")
                .contains("int cannot be converted to java.lang.String");
    }

    @Test
    void generatesInheritedEmbeddedPrimitiveCollectionAndGenericAttributes() {
        Map<String, String> sources = new LinkedHashMap<>();
        sources.put("com/example/base/BaseEntity.java", """
                package com.example.base;

                import jakarta.persistence.*;

                @MappedSuperclass
                public abstract class BaseEntity<ID> {
                    @Id protected ID id;
                    protected static int instances;
                }
                """);
        sources.put("com/example/Address.java", """
                package com.example;

                @jakarta.persistence.Embeddable
                public class Address {
                    String city;
                    int zip;
                }
                """);
        sources.put("com/example/User.java", """
                package com.example;

                import com.example.base.BaseEntity;
                import jakarta.persistence.*;
                import java.util.*;

                @Entity
                public class User extends BaseEntity<Long> {
                    int age;
                    boolean active;
                    byte[] avatar;
                    @Embedded Address address;
                    Map<String, String> settings;
                    @OneToMany(mappedBy = "author") List<Post> posts;
                    @Transient String display;
                    transient int hash;
                }
                """);
        sources.put("com/example/Post.java", """
                package com.example;

                import jakarta.persistence.*;

                @Entity
                public class Post {
                    @Id long id;
                    @ManyToOne User author;
                    @ManyToOne(targetEntity = User.class) Object editor;
                }
                """);

        TestCompiler.Result result = compile(sources);

        assertThat(result.success()).as(result.report()).isTrue();
        assertThat(result.messages(Diagnostic.Kind.WARNING)).noneMatch(m -> m.contains("_.java"));
        assertThat(result.generatedSource("com/example/User_.java")).isEqualTo("""
                package com.example;

                import io.reactiveorm.metamodel.Column;
                import io.reactiveorm.metamodel.Relationship;
                import java.util.List;
                import java.util.Map;
                import javax.annotation.processing.Generated;

                /**
                 * Typed attribute handles of the entity {@code User}, for queries such as
                 * {@code select(User.class).where(...)}.
                 * Generated by {@code io.reactiveorm.processor.MetamodelProcessor}; do not edit.
                 */
                @Generated("io.reactiveorm.processor.MetamodelProcessor")
                public final class User_ {

                    /** Column {@code id} of type {@code Long}. */
                    public static final Column<User, Long> id = Column.of(User.class, "id", Long.class);

                    /** Column {@code age} of type {@code Integer}. */
                    public static final Column<User, Integer> age = Column.of(User.class, "age", Integer.class);

                    /** Column {@code active} of type {@code Boolean}. */
                    public static final Column<User, Boolean> active = Column.of(User.class, "active", Boolean.class);

                    /** Column {@code avatar} of type {@code byte[]}. */
                    public static final Column<User, byte[]> avatar = Column.of(User.class, "avatar", byte[].class);

                    /** Column {@code address.city} of type {@code String}. */
                    public static final Column<User, String> addressCity = Column.of(User.class, "address.city", String.class);

                    /** Column {@code address.zip} of type {@code Integer}. */
                    public static final Column<User, Integer> addressZip = Column.of(User.class, "address.zip", Integer.class);

                    /** Column {@code settings} of type {@code Map<String, String>}. */
                    @SuppressWarnings("unchecked")
                    public static final Column<User, Map<String, String>> settings = Column.of(User.class, "settings", (Class<Map<String, String>>) (Class<?>) Map.class);

                    /** Relationship {@code posts} to {@code Post}. */
                    public static final Relationship<User, List<Post>> posts = Relationship.of(User.class, "posts", Post.class);

                    /** Not instantiable: the class only holds the handles. */
                    private User_() {
                    }
                }
                """);
        assertThat(result.generatedSource("com/example/Post_.java"))
                .contains("public static final Column<Post, Long> id = Column.of(Post.class, \"id\", Long.class);")
                .contains("public static final Relationship<Post, User> author = "
                        + "Relationship.of(Post.class, \"author\", User.class);")
                .contains("public static final Relationship<Post, Object> editor = "
                        + "Relationship.of(Post.class, \"editor\", User.class);");
    }

    @Test
    void entityInDefaultPackage() {
        TestCompiler.Result result = compile(Map.of(
                "User.java", """
                        import jakarta.persistence.*;

                        @Entity
                        public class User {
                            @Id Long id;
                            String email;
                        }
                        """,
                "Query.java", """
                        class Query {
                            io.reactiveorm.sql.Condition byEmail = User_.email.eq("x");
                        }
                        """));

        assertThat(result.success()).as(result.report()).isTrue();
        assertThat(result.generatedSource("User_.java"))
                .startsWith("import io.reactiveorm.metamodel.Column;")
                .contains("public static final Column<User, String> email = Column.of(User.class, \"email\", String.class);");
    }

    @Test
    void staticMemberEntityGetsTopLevelOuterUnderscoreClass() {
        TestCompiler.Result result = compile(Map.of(
                "com/example/Shop.java", """
                        package com.example;

                        import jakarta.persistence.*;

                        public class Shop {
                            @Entity
                            static class Item {
                                @Id Long id;
                                String label;
                            }
                        }
                        """,
                "com/example/Query.java", """
                        package com.example;

                        class Query {
                            io.reactiveorm.sql.Condition byLabel = Shop_Item_.label.eq("x");
                        }
                        """));

        assertThat(result.success()).as(result.report()).isTrue();
        assertThat(result.generatedSource("com/example/Shop_Item_.java"))
                .contains("\nfinal class Shop_Item_ {")
                .contains("public static final Column<Shop.Item, String> label = "
                        + "Column.of(Shop.Item.class, \"label\", String.class);");
    }

    @Test
    void namesStayUnambiguousWhenThePackageShadowsThem() {
        // The package has its own List and String, and one attribute is called Column.
        TestCompiler.Result result = compile(Map.of(
                "com/example/List.java", "package com.example;\npublic class List {}\n",
                "com/example/String.java", "package com.example;\npublic class String {}\n",
                "com/example/User.java", """
                        package com.example;

                        import jakarta.persistence.*;

                        @Entity
                        public class User {
                            @Id Long id;
                            java.lang.String Column;
                            String local;
                            @OneToMany java.util.List<User> friends;
                        }
                        """));

        assertThat(result.success()).as(result.report()).isTrue();
        assertThat(result.generatedSource("com/example/User_.java"))
                .contains("public static final Column<User, java.lang.String> Column = "
                        + "io.reactiveorm.metamodel.Column.of(User.class, \"Column\", java.lang.String.class);")
                .contains("public static final Column<User, String> local = "
                        + "io.reactiveorm.metamodel.Column.of(User.class, \"local\", String.class);")
                .contains("public static final Relationship<User, java.util.List<User>> friends = ");
    }

    @Test
    void discoveredThroughTheServiceFileWithoutConfiguration() {
        TestCompiler.Result result = new TestCompiler(dir).compile(Map.of(
                "com/example/User.java", USER,
                "com/example/Query.java", """
                        package com.example;

                        class Query {
                            io.reactiveorm.sql.Condition byEmail = User_.email.eq("x");
                        }
                        """), null);

        assertThat(result.success()).as(result.report()).isTrue();
        assertThat(result.generatedFiles()).containsExactly("com/example/User_.java");
    }

    @Test
    void waitsForTypesThatALaterRoundGenerates() {
        Map<String, String> sources = Map.of("com/example/User.java", """
                package com.example;

                import jakarta.persistence.*;

                @Entity
                public class User {
                    @Id Long id;
                    Money balance;
                    @Embedded Price price;
                }
                """);
        Processor generator = new OneShotSourceGenerator(Map.of(
                "com.example.Money", "package com.example;\npublic class Money {}\n",
                "com.example.Price", "package com.example;\n@jakarta.persistence.Embeddable\n"
                        + "public class Price { Money amount; String currency; }\n",
                "com.example.Audit", "package com.example;\n@jakarta.persistence.Entity\n"
                        + "public class Audit { @jakarta.persistence.Id Long id; }\n"));

        TestCompiler.Result result = new TestCompiler(dir)
                .compile(sources, List.of(new MetamodelProcessor(), generator));

        assertThat(result.success()).as(result.report()).isTrue();
        assertThat(result.generatedSource("com/example/User_.java"))
                .contains("public static final Column<User, Money> balance = Column.of(User.class, \"balance\", Money.class);")
                .contains("Column<User, Money> priceAmount = Column.of(User.class, \"price.amount\", Money.class);")
                .contains("Column<User, String> priceCurrency = ");
        assertThat(result.generatedFiles()).contains("com/example/Audit_.java");
    }

    @Test
    void reportsRawCollectionRelationshipOnTheField() {
        TestCompiler.Result result = compile(Map.of("com/example/User.java", """
                package com.example;

                import jakarta.persistence.*;

                @Entity
                public class User {
                    @Id Long id;
                    @SuppressWarnings("rawtypes") @OneToMany java.util.List posts;
                }
                """));

        assertThat(result.success()).isTrue();
        assertThat(processorWarnings(result)).singleElement().asString()
                .startsWith("User.java: User.posts is @OneToMany of raw type java.util.List")
                .contains("Fix: declare the element type");
    }

    @Test
    void reportsRelationshipToAClassThatIsNotAnEntity() {
        TestCompiler.Result result = compile(Map.of("com/example/User.java", """
                package com.example;

                import jakarta.persistence.*;

                @Entity
                public class User {
                    @Id Long id;
                    @ManyToOne String manager;
                    @OneToMany User friends;
                }
                """));

        assertThat(result.success()).isTrue();
        assertThat(processorWarnings(result)).containsExactly(
                "User.java: User.manager is @ManyToOne to java.lang.String, which is not an @Entity class."
                        + " Fix: annotate java.lang.String with @Entity, or point targetEntity at the entity class",
                "User.java: User.friends is @OneToMany but its type com.example.User is not a Collection or Map."
                        + " Fix: declare it as List<Target>, Set<Target> or Map<Key, Target>");
    }

    @Test
    void reportsTwoAttributesFlatteningToOneHandleName() {
        TestCompiler.Result result = compile(Map.of("com/example/User.java", """
                package com.example;

                import jakarta.persistence.*;

                @Entity
                public class User {
                    @Id Long id;
                    @Embedded Address address;
                    String addressCity;

                    @Embeddable
                    public static class Address {
                        String city;
                    }
                }
                """));

        assertThat(result.success()).isTrue();
        assertThat(processorWarnings(result)).singleElement().asString()
                .isEqualTo("User.java: User.addressCity and User.address.city would both become the handle "
                        + "User_.addressCity. Fix: rename one of the fields, or mark one @Transient");
    }

    @Test
    void reportsEntitiesTheGeneratedClassCannotReference() {
        TestCompiler.Result result = compile(Map.of("com/example/Shop.java", """
                package com.example;

                import jakarta.persistence.*;

                public class Shop {
                    @Entity private static class Hidden { @Id Long id; }
                    @Entity class Inner { @Id Long id; }
                    @Entity static class Box<T> { @Id Long id; }
                }
                """));

        assertThat(result.success()).isTrue();
        assertThat(processorWarnings(result)).containsExactlyInAnyOrder(
                "Shop.java: Cannot generate the metamodel class of @Entity com.example.Shop.Hidden: Hidden is private,"
                        + " so the generated class cannot reference it. Fix: make it package-private or public",
                "Shop.java: Cannot generate the metamodel class of @Entity com.example.Shop.Inner: Inner is an inner"
                        + " (non-static) class. Fix: declare it static",
                "Shop.java: Cannot generate the metamodel class of @Entity com.example.Shop.Box: generic entity classes"
                        + " are not supported. Fix: move the type parameters to a @MappedSuperclass and extend it with"
                        + " concrete types");
        assertThat(result.generatedFiles()).isEmpty();
    }

    private static final String PERSON = """
            package com.example;

            import io.reactiveorm.mapping.Hybrid;
            import io.reactiveorm.sql.Expression;
            import io.reactiveorm.sql.Sql;
            import jakarta.persistence.*;

            @Entity
            public class Person {
                @Id Long id;
                String firstName;
                String lastName;

                @Hybrid public static Expression<String> fullName() {
                    return Sql.concat(Person_.firstName, Sql.value(" "), Person_.lastName);
                }

                public String getFullName() {
                    return firstName + " " + lastName;
                }
            }
            """;

    @Test
    void hybridMethodBecomesATypedHandleThatCallsItLazily() {
        TestCompiler.Result result = compile(Map.of(
                "com/example/Person.java", PERSON,
                "com/example/Query.java", """
                        package com.example;

                        import io.reactiveorm.sql.Condition;

                        class Query {
                            Condition byName = Person_.fullName.eq("Alice Smith");
                        }
                        """));

        assertThat(result.success()).as(result.report()).isTrue();
        assertThat(result.generatedSource("com/example/Person_.java"))
                .contains("import io.reactiveorm.metamodel.HybridProperty;")
                .contains("    public static final HybridProperty<Person, String> fullName = HybridProperty.of(Person.class, "
                        + "\"fullName\", String.class, Person::fullName);");
    }

    @Test
    void hybridHandleRejectsValuesOfAnotherType() {
        TestCompiler.Result result = compile(Map.of(
                "com/example/Person.java", PERSON,
                "com/example/Query.java", """
                        package com.example;

                        class Query {
                            Object byName = Person_.fullName.eq(5);
                        }
                        """));

        assertThat(result.success()).isFalse();
        assertThat(result.messages(Diagnostic.Kind.ERROR)).singleElement().asString()
                .startsWith("Query.java: ").contains("int cannot be converted to java.lang.String");
    }

    @Test
    void reportsHybridMethodsTheMetamodelCannotCallAsErrors() {
        TestCompiler.Result result = compile(Map.of("com/example/Person.java", """
                package com.example;

                import io.reactiveorm.mapping.Hybrid;
                import io.reactiveorm.sql.Expression;
                import jakarta.persistence.*;

                @Entity
                public class Person {
                    @Id Long id;
                    String firstName;

                    @Hybrid public Expression<String> notStatic() { return null; }
                    @Hybrid private static Expression<String> hidden() { return null; }
                    @Hybrid static Expression<String> withArgument(int n) { return null; }
                    @Hybrid static String notAnExpression() { return null; }
                    @Hybrid static Expression<java.util.List<String>> parameterized() { return null; }
                    @Hybrid static Expression<String> firstName() { return null; }
                }
                """));

        assertThat(result.success()).isFalse();
        assertThat(result.messages(Diagnostic.Kind.ERROR)).containsExactlyInAnyOrder(
                "Person.java: @Hybrid Person.notStatic() is not static. Fix: declare it public static Expression<V> "
                        + "notStatic() (the Java side of the property is an ordinary instance method, such as a getter)",
                "Person.java: @Hybrid Person.hidden() is private, so the metamodel cannot call it. Fix: make it public "
                        + "or package-private",
                "Person.java: @Hybrid Person.withArgument() takes arguments. Fix: a hybrid is a property: take none, "
                        + "and build the expression from the metamodel's handles",
                "Person.java: @Hybrid Person.notAnExpression() returns java.lang.String; a hybrid returns an Expression "
                        + "of a plain value type. Fix: declare it as Expression<String>, Expression<Integer>, ...",
                "Person.java: @Hybrid Person.parameterized() returns io.reactiveorm.sql.Expression<java.util.List<"
                        + "java.lang.String>>; a hybrid returns an Expression of a plain value type. Fix: declare it as "
                        + "Expression<String>, Expression<Integer>, ...",
                "Person.java: @Hybrid Person.firstName() and the attribute Person.firstName would both become the "
                        + "handle Person_.firstName. Fix: rename the method (fullName() beside firstName and lastName)");
    }

    /** The processor's own warnings (they all name a fix), without the compiler's other ones. */
    private static List<String> processorWarnings(TestCompiler.Result result) {
        return result.messages(Diagnostic.Kind.WARNING).stream().filter(m -> m.contains("Fix:")).toList();
    }

    private TestCompiler.Result compile(Map<String, String> sources) {
        return new TestCompiler(dir).compile(sources, List.of(new MetamodelProcessor()));
    }

    /** Writes the given sources in its first round, like a processor whose output others build on. */
    private static final class OneShotSourceGenerator extends AbstractProcessor {

        private final Map<String, String> sources;
        private boolean done;

        OneShotSourceGenerator(Map<String, String> sources) {
            this.sources = sources;
        }

        @Override
        public Set<String> getSupportedAnnotationTypes() {
            return Set.of("*");
        }

        @Override
        public SourceVersion getSupportedSourceVersion() {
            return SourceVersion.latestSupported();
        }

        @Override
        public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment roundEnv) {
            if (!done) {
                done = true;
                for (Map.Entry<String, String> e : sources.entrySet()) {
                    try (Writer out = processingEnv.getFiler().createSourceFile(e.getKey()).openWriter()) {
                        out.write(e.getValue());
                    } catch (IOException ex) {
                        throw new IllegalStateException(ex);
                    }
                }
            }
            return false;
        }
    }
}
