package io.reactiveorm.spring.test;

import java.util.Set;
import org.springframework.boot.test.context.filter.annotation.StandardAnnotationCustomizableTypeExcludeFilter;
import org.springframework.stereotype.Repository;

/** Loads the {@code @Repository} classes of the application in a {@link ReactiveOrmTest}, and no other component. */
class ReactiveOrmTypeExcludeFilter extends StandardAnnotationCustomizableTypeExcludeFilter<ReactiveOrmTest> {

    ReactiveOrmTypeExcludeFilter(Class<?> testClass) {
        super(testClass);
    }

    @Override
    protected Set<Class<?>> getKnownIncludes() {
        return Set.of(Repository.class);
    }
}
