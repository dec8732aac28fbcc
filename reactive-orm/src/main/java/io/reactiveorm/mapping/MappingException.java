package io.reactiveorm.mapping;

import io.reactiveorm.OrmException;

/**
 * An entity class is mapped in a way reactive-orm does not support or that contradicts itself.
 * Thrown when the mapping is read (at {@code SessionFactory} build time); later only when a mapped
 * class cannot be created or its fields read or written, which the checks at build time are meant
 * to rule out. The message names the class, the attribute and the fix.
 */
public class MappingException extends OrmException {

    /** @param message names class, attribute and fix */
    public MappingException(String message) {
        super(message);
    }

    /**
     * @param message names class, attribute and fix
     * @param cause the reflective or constructor error behind it
     */
    public MappingException(String message, Throwable cause) {
        super(message, cause);
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
        return of(type, attribute, problem, fix, null);
    }

    /**
     * Like {@link #of(Class, String, String, String)}, keeping the error that revealed the problem.
     *
     * @param type the entity (or embeddable, mapped superclass) class
     * @param attribute the attribute's name, or {@code null} for a class-level problem
     * @param problem what is wrong
     * @param fix what to do about it
     * @param cause the underlying error, or {@code null}
     * @return the exception, to be thrown by the caller
     */
    public static MappingException of(Class<?> type, String attribute, String problem, String fix, Throwable cause) {
        String where = attribute == null ? type.getName() : type.getName() + "." + attribute;
        return new MappingException(where + ": " + problem + ". Fix: " + fix, cause);
    }
}
