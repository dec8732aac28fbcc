package io.reactiveorm.mapping;

/** Reads entity models from Jakarta Persistence annotations. (Being written.) */
final class EntityReader {

    private EntityReader() {
    }

    static <T> EntityModel<T> read(Class<T> type) {
        throw new MappingException("not implemented yet: " + type);
    }

    static void validate(Metadata metadata) {
    }
}
