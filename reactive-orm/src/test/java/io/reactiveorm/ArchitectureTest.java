package io.reactiveorm;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The layering of STYLE.md, enforced with no exemptions. */
@AnalyzeClasses(packages = "io.reactiveorm", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule packagesAreFreeOfCycles = slices().matching("io.reactiveorm.(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule sqlMappingAndDialectsKnowNothingOfReactorOrR2dbc = noClasses()
            .that().resideInAnyPackage("io.reactiveorm.sql..", "io.reactiveorm.dialect..", "io.reactiveorm.mapping..",
                    "io.reactiveorm.metamodel..", "io.reactiveorm.schema..", "io.reactiveorm.loading..",
                    "io.reactiveorm.processor..", "io.reactiveorm.internal.render..")
            .should().dependOnClassesThat().resideInAnyPackage("reactor..", "io.r2dbc..", "org.reactivestreams..");

    @ArchTest
    static final ArchRule onlyTheEngineAndExecutionSpeakR2dbc = noClasses()
            .that().resideOutsideOfPackages("io.reactiveorm.internal.execution..")
            .and().doNotHaveFullyQualifiedName("io.reactiveorm.Engine")
            .and().doNotHaveFullyQualifiedName("io.reactiveorm.Engine$Builder")
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
            .should().dependOnClassesThat().resideInAnyPackage("io.reactiveorm.internal.session..", "io.reactiveorm.internal.execution..",
                    "io.reactiveorm.loading..");

    @ArchTest
    static final ArchRule thePublicSqlLayerDependsOnNoInternals = noClasses()
            .that().resideInAnyPackage("io.reactiveorm.sql..", "io.reactiveorm.dialect..", "io.reactiveorm.mapping..")
            .should().dependOnClassesThat().resideInAnyPackage("io.reactiveorm.internal..");
}
