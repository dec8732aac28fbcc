package io.reactiveorm.mapping;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.lang.invoke.MethodHandle;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The Java types a column can hold, and how a field's declared type becomes the type the driver
 * binds: enums as their name or ordinal, {@code @Convert} through the converter's database type,
 * everything else boxed.
 */
final class BasicTypes {

    private static final Map<Class<?>, Class<?>> BOXES = Map.of(boolean.class, Boolean.class, int.class,
            Integer.class, long.class, Long.class, short.class, Short.class, double.class, Double.class,
            float.class, Float.class, byte.class, Byte.class, char.class, Character.class);

    /** Column types the drivers bind (boxed); {@code byte[]} for binary. */
    private static final Set<Class<?>> SUPPORTED = Set.of(String.class, Boolean.class, Integer.class, Long.class,
            Short.class, Double.class, Float.class, BigDecimal.class, UUID.class, Instant.class, LocalDate.class,
            LocalTime.class, LocalDateTime.class, OffsetDateTime.class, byte[].class);

    private static final Set<Class<?>> INTEGRAL = Set.of(Integer.class, Long.class, Short.class);

    private BasicTypes() {
    }

    /**
     * How one basic field maps to its column.
     *
     * @param javaType the declared field type
     * @param columnType the boxed type the driver binds
     * @param enumType the enum storage, or {@code null}
     * @param converter the converter, or {@code null}
     */
    record TypeMapping(Class<?> javaType, Class<?> columnType, EnumType enumType,
            AttributeConverter<Object, Object> converter) {
    }

    /** The wrapper of a primitive type, or {@code type} itself. */
    static Class<?> box(Class<?> type) {
        return BOXES.getOrDefault(type, type);
    }

    /** Whether values of {@code type} (boxed) can be bound as a column as they are. */
    static boolean isSupported(Class<?> type) {
        return SUPPORTED.contains(box(type));
    }

    /** Whether {@code type} is {@code short}, {@code int} or {@code long}, primitive or boxed. */
    static boolean isIntegral(Class<?> type) {
        return INTEGRAL.contains(box(type));
    }

    /**
     * Resolves the column type of a basic field.
     *
     * @param owner the entity class, for messages
     * @param path the attribute path, for messages
     * @param field the field
     * @throws MappingException for an unsupported type, a mismatched converter or a misplaced {@code @Enumerated}
     */
    static TypeMapping resolve(Class<?> owner, String path, Field field) {
        Class<?> type = field.getType();
        Convert convert = field.getAnnotation(Convert.class);
        Enumerated enumerated = field.getAnnotation(Enumerated.class);
        if (convert != null && !convert.disableConversion()) {
            if (enumerated != null) {
                throw MappingException.of(owner, path, "has both @Convert and @Enumerated",
                        "keep one of them: @Enumerated for the enum's name or ordinal, or @Convert for a custom form");
            }
            return converted(owner, path, type, convert);
        }
        if (type.isEnum()) {
            EnumType storage = enumerated == null ? EnumType.ORDINAL : enumerated.value();
            return new TypeMapping(type, storage == EnumType.STRING ? String.class : Integer.class, storage, null);
        }
        if (enumerated != null) {
            throw MappingException.of(owner, path, "is annotated with @Enumerated but its type " + type.getName()
                    + " is not an enum", "remove @Enumerated, or change the field's type to an enum");
        }
        if (isSupported(type)) {
            return new TypeMapping(type, box(type), null, null);
        }
        if (type.isAnnotationPresent(Entity.class)) {
            throw MappingException.of(owner, path, "has the entity type " + type.getName()
                    + " but no relationship annotation", "annotate it with @ManyToOne (or @OneToOne), or mark it "
                    + "@Transient");
        }
        if (Collection.class.isAssignableFrom(type)) {
            throw MappingException.of(owner, path, "is a " + type.getName() + " without a relationship annotation",
                    "annotate a collection of entities with @OneToMany(mappedBy = ...) or @ManyToMany; store a "
                            + "collection of values in one column with @Convert; or mark it @Transient");
        }
        throw MappingException.of(owner, path, "has the type " + type.getName() + ", which reactive-orm cannot "
                + "store in a column (supported: String, boolean, int, long, short, double, float, BigDecimal, UUID, "
                + "Instant, LocalDate, LocalTime, LocalDateTime, OffsetDateTime, enums, byte[])",
                "convert it with @Convert(converter = ...) and an AttributeConverter<" + type.getSimpleName()
                        + ", ...> to a supported type, map it as @Embedded if it is an @Embeddable value, "
                        + "or mark it @Transient");
    }

    @SuppressWarnings("unchecked")
    private static TypeMapping converted(Class<?> owner, String path, Class<?> type, Convert convert) {
        if (!convert.attributeName().isEmpty()) {
            throw MappingException.of(owner, path, "uses @Convert(attributeName = \"" + convert.attributeName()
                    + "\"), which is not supported yet", "put @Convert on the field of the @Embeddable class itself");
        }
        Class<?> converterClass = convert.converter();
        if (converterClass == void.class || !AttributeConverter.class.isAssignableFrom(converterClass)) {
            throw MappingException.of(owner, path, "has @Convert without an AttributeConverter class "
                    + "(auto-applied converters are not supported yet)",
                    "name the converter: @Convert(converter = MyConverter.class)");
        }
        Class<?>[] sides = ConverterTypes.resolve(owner, path, converterClass);
        if (sides[0] != box(type)) {
            throw MappingException.of(owner, path, "has the type " + type.getName() + ", but its converter "
                    + converterClass.getName() + " converts " + sides[0].getName(),
                    "use an AttributeConverter<" + box(type).getSimpleName() + ", ...>, or change the field's type to "
                            + sides[0].getSimpleName());
        }
        if (!isSupported(sides[1])) {
            throw MappingException.of(owner, path, "is converted by " + converterClass.getName() + " to "
                    + sides[1].getName() + ", which reactive-orm cannot store in a column",
                    "make the converter's database type one of String, Integer, Long, Short, Boolean, Double, "
                            + "Float, BigDecimal, UUID, a java.time type or byte[]");
        }
        return new TypeMapping(type, box(sides[1]), null,
                (AttributeConverter<Object, Object>) instantiate(owner, path, converterClass));
    }

    private static Object instantiate(Class<?> owner, String path, Class<?> converterClass) {
        if (Modifier.isAbstract(converterClass.getModifiers())) {
            throw MappingException.of(owner, path, "uses the abstract converter " + converterClass.getName(),
                    "name a concrete AttributeConverter class in @Convert");
        }
        MethodHandle constructor;
        try {
            constructor = FieldChainAccess.constructor(converterClass);
        } catch (MappingException e) {
            throw MappingException.of(owner, path, "uses the converter " + converterClass.getName()
                    + ", which has no accessible no-argument constructor",
                    "add a no-argument constructor to the converter (and make a nested converter class static)", e);
        }
        try {
            return constructor.invoke();
        } catch (Throwable t) {
            throw MappingException.of(owner, path, "uses the converter " + converterClass.getName()
                    + ", whose constructor failed: " + t, "make the converter's no-argument constructor succeed", t);
        }
    }
}
