package app.soapstone.session;

import java.util.Optional;

/**
 * What one option does to a field of a session: not given (the field keeps its value), given
 * empty (the field is cleared), or given a checked value.
 */
public sealed interface Change<T> {

    /** The option was not given. */
    record Keep<T>() implements Change<T> {
    }

    /** The option was given empty ({@code --products ""}). */
    record Clear<T>() implements Change<T> {
    }

    /** The option was given this value, already checked. */
    record To<T>(T value) implements Change<T> {
    }

    static <T> Change<T> keep() {
        return new Keep<>();
    }

    static <T> Change<T> clear() {
        return new Clear<>();
    }

    static <T> Change<T> to(T value) {
        return new To<>(value);
    }

    /** Whether the option was given at all, even empty. */
    default boolean given() {
        return !(this instanceof Keep);
    }

    /** The value given, if one was (not for an option not given or given empty). */
    default Optional<T> valueGiven() {
        return this instanceof To<T>(T value) ? Optional.of(value) : Optional.empty();
    }

    /** The field after this change: {@code current} if the option was not given, null if it was given empty. */
    default T applyTo(T current) {
        return switch (this) {
            case Keep<T> keep -> current;
            case Clear<T> clear -> null;
            case To<T>(T value) -> value;
        };
    }
}
