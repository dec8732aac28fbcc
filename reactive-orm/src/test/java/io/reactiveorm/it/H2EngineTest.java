package io.reactiveorm.it;

/** {@link EngineSuite} on embedded H2. */
class H2EngineTest extends EngineSuite {
    @Override
    protected String url() {
        return h2("engine");
    }
}
