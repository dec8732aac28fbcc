package io.reactiveorm;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.members;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaMember;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The layering of STYLE.md, enforced for every package, the root included, with no exemptions.
 *
 * <p>The root package is two layers. Its exceptions ({@link OrmException} and subclasses) are the
 * bottom one: every package may throw them. The rest of it (Engine, SessionFactory, Session, the
 * {@link OrmProvider} SPI) is the front door, on top of sql, mapping, dialect and schema, and below
 * {@code internal..}, which implements it and which it never depends on.
 */
@AnalyzeClasses(packages = "io.reactiveorm", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final String ROOT = "io.reactiveorm";

    /**
     * One slice per top-level package ({@code sql}, {@code migrate} with its subpackages), one per
     * internal package ({@code internal.session}, {@code internal.execution}, ...), and the root's
     * two layers.
     */
    static final SliceAssignment PACKAGES = new SliceAssignment() {
        @Override
        public SliceIdentifier getIdentifierOf(JavaClass c) {
            String pkg = c.getPackageName();
            if (pkg.equals(ROOT)) {
                return SliceIdentifier.of(outermost(c).isAssignableTo(Throwable.class) ? "root exceptions" : "root");
            }
            if (!pkg.startsWith(ROOT + ".")) {
                return SliceIdentifier.ignore();
            }
            String[] parts = pkg.substring(ROOT.length() + 1).split("\\.");
            return SliceIdentifier.of(parts[0].equals("internal") && parts.length > 1 ? "internal." + parts[1] : parts[0]);
        }

        @Override
        public String getDescription() {
            return "packages of io.reactiveorm (the root's exceptions apart from its front door)";
        }
    };

    private static JavaClass outermost(JavaClass c) {
        JavaClass top = c;
        while (top.getEnclosingClass().isPresent()) {
            top = top.getEnclosingClass().get();
        }
        return top;
    }

    @ArchTest
    static final ArchRule packagesAreFreeOfCycles = slices().assignedFrom(PACKAGES).should().beFreeOfCycles();

    @ArchTest
    static final ArchRule theRootDependsOnNoImplementation = noClasses()
            .that().resideInAPackage(ROOT)
            .should().dependOnClassesThat().resideInAPackage("io.reactiveorm..internal..")
            .because("the front door finds its implementation through the OrmProvider SPI (ServiceLoader)");

    @ArchTest
    static final ArchRule thePublicApiMentionsNoInternalType = members()
            .that().areDeclaredInClassesThat().resideOutsideOfPackage("io.reactiveorm..internal..")
            .should(mentionNoInternalTypeWhenPublicOrProtected());

    @ArchTest
    static final ArchRule publicTypesExtendNoInternalType = classes()
            .that().resideOutsideOfPackage("io.reactiveorm..internal..").and().arePublic()
            .should(new ArchCondition<JavaClass>("extend or implement no internal type") {
                @Override
                public void check(JavaClass c, ConditionEvents events) {
                    Set<JavaClass> supertypes = new LinkedHashSet<>(c.getRawInterfaces());
                    c.getRawSuperclass().ifPresent(supertypes::add);
                    supertypes.stream().filter(ArchitectureTest::isInternal).forEach(t -> events.add(
                            SimpleConditionEvent.violated(c, c.getName() + " extends internal " + t.getName())));
                }
            });

    @ArchTest
    static final ArchRule sqlMappingAndDialectsKnowNothingOfReactorOrR2dbc = noClasses()
            .that().resideInAnyPackage("io.reactiveorm.sql..", "io.reactiveorm.dialect..", "io.reactiveorm.mapping..",
                    "io.reactiveorm.metamodel..", "io.reactiveorm.schema..", "io.reactiveorm.loading..",
                    "io.reactiveorm.processor..", "io.reactiveorm.internal.render..")
            .should().dependOnClassesThat().resideInAnyPackage("reactor..", "io.r2dbc..", "org.reactivestreams..");

    /**
     * R2DBC is spoken by the execution package, and named by the front door's signatures
     * ({@code Engine.of(ConnectionFactory)}, the engine's pool set-up, {@code ExternalTransaction}).
     */
    @ArchTest
    static final ArchRule onlyTheFrontDoorAndExecutionSpeakR2dbc = noClasses()
            .that().resideOutsideOfPackages(ROOT, "io.reactiveorm.internal.execution..")
            .should().dependOnClassesThat().resideInAnyPackage("io.r2dbc..");

    @ArchTest
    static final ArchRule dialectsKnowNothingOfEntitiesOrStatements = noClasses()
            .that().resideInAPackage("io.reactiveorm.dialect..")
            .should().dependOnClassesThat().resideInAnyPackage("io.reactiveorm.mapping..", "io.reactiveorm.sql..",
                    "io.reactiveorm.metamodel..");

    @ArchTest
    static final ArchRule theSqlLayerKnowsNothingOfSessions = noClasses()
            .that().resideInAnyPackage("io.reactiveorm.sql..", "io.reactiveorm.mapping..", "io.reactiveorm.dialect..",
                    "io.reactiveorm.internal.render..")
            .should().dependOnClassesThat().resideInAnyPackage("io.reactiveorm.internal.session..",
                    "io.reactiveorm.internal.execution..", "io.reactiveorm.loading..");

    @ArchTest
    static final ArchRule thePublicSqlLayerDependsOnNoInternals = noClasses()
            .that().resideInAnyPackage("io.reactiveorm.sql..", "io.reactiveorm.dialect..", "io.reactiveorm.mapping..")
            .should().dependOnClassesThat().resideInAnyPackage("io.reactiveorm..internal..");

    private static boolean isInternal(JavaClass c) {
        return c.getPackageName().startsWith(ROOT + ".") && c.getPackageName().matches("io\\.reactiveorm(\\..+)?\\.internal(\\..*)?");
    }

    /** Parameter, return, thrown and field types, type arguments included. */
    private static ArchCondition<JavaMember> mentionNoInternalTypeWhenPublicOrProtected() {
        return new ArchCondition<>("mention no internal type (parameter, return, exception or field) when public or protected") {
            @Override
            public void check(JavaMember member, ConditionEvents events) {
                if (!member.getModifiers().contains(JavaModifier.PUBLIC) && !member.getModifiers().contains(JavaModifier.PROTECTED)) {
                    return;
                }
                Set<JavaClass> mentioned = new LinkedHashSet<>();
                if (member instanceof JavaField f) {
                    mentioned.addAll(f.getType().getAllInvolvedRawTypes());
                } else if (member instanceof JavaCodeUnit u) {
                    mentioned.addAll(u.getReturnType().getAllInvolvedRawTypes());
                    u.getParameterTypes().forEach(t -> mentioned.addAll(t.getAllInvolvedRawTypes()));
                    u.getExceptionTypes().forEach(t -> mentioned.addAll(t.getAllInvolvedRawTypes()));
                }
                mentioned.stream().filter(ArchitectureTest::isInternal).forEach(t -> events.add(SimpleConditionEvent.violated(
                        member, member.getFullName() + " mentions internal " + t.getName())));
            }
        };
    }
}
