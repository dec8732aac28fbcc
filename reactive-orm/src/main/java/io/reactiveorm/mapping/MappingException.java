package io.reactiveorm.mapping;

import io.reactiveorm.OrmException;

/**
 * An entity class is mapped in a way reactive-orm does not support or that contradicts itself.
 * Thrown when the mapping is read (at {@code SessionFactory} build time), never later. The message
 * names the class, the attribute and the fix.
 */
public class MappingException extends OrmException {

    /** @param message names class, attribute and fix */
    public MappingException(String message) {
        super(message);
    }

    /**
     * Builds the standard message: {@code "User.email: <problem>. Fix: <fix>"}.
     *
     * @param type the entity (or embeddable, mapped superclass) class
     * @param attribute the attribute's name, or {@code null} for a class-level problem
     * @param problem what is wrong
     * @param fix what to do about it
     * @return the exception, to be thrown by the caller
     */
    public static MappingException of(Class<?> type, String attribute, String problem, String fix) {
        String where = attribute == null ? type.getName() : type.getName() + "." + attribute;
        return new MappingException(where + ": " + problem + ". Fix: " + fix);
    }
}
