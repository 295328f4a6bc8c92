package app.soapstone.shell;

import app.soapstone.validation.InvalidInputException;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Checks that an option or argument value can become the Java type the command declares. */
final class ValueType {

    private ValueType() {
    }

    static String placeholder(Class<?> type) {
        if (isWhole(type)) {
            return "N";
        }
        if (isDecimal(type)) {
            return "NUMBER";
        }
        if (type.isEnum()) {
            return String.join("|", constants(type));
        }
        return "TEXT";
    }

    /** Throws a clear error naming {@code field} if {@code value} does not fit {@code type}. */
    static void check(String field, String value, Class<?> type) {
        String text = value.strip();
        if (isWhole(type)) {
            try {
                long number = Long.parseLong(text);
                if ((type == Integer.class || type == int.class) && (number > Integer.MAX_VALUE || number < Integer.MIN_VALUE)) {
                    throw new NumberFormatException();
                }
            } catch (NumberFormatException e) {
                throw new InvalidInputException(field + ": '" + value + "' is not a whole number");
            }
        } else if (isDecimal(type)) {
            try {
                double number = Double.parseDouble(text);
                if (Double.isNaN(number) || Double.isInfinite(number)) {
                    throw new NumberFormatException();
                }
            } catch (NumberFormatException e) {
                throw new InvalidInputException(field + ": '" + value + "' is not a number");
            }
        } else if (type.isEnum()) {
            boolean known = constants(type).stream().anyMatch(c -> c.equalsIgnoreCase(text));
            if (!known) {
                throw new InvalidInputException(field + ": '" + value + "' is not one of "
                        + String.join(", ", constants(type)));
            }
        } else if (type == boolean.class || type == Boolean.class) {
            if (!text.equalsIgnoreCase("true") && !text.equalsIgnoreCase("false")) {
                throw new InvalidInputException(field + ": '" + value + "' is not true or false");
            }
        }
    }

    /** The value as the converter expects it: enum constants by their Java name, numbers trimmed. */
    static String normalise(String value, Class<?> type) {
        if (type.isEnum()) {
            for (Object constant : type.getEnumConstants()) {
                if (display((Enum<?>) constant).equalsIgnoreCase(value.strip())) {
                    return ((Enum<?>) constant).name();
                }
            }
            return value;
        }
        return isWhole(type) || isDecimal(type) ? value.strip() : value;
    }

    /** How an enum constant is typed on the command line: {@code SEE_GP} is {@code see-gp}. */
    static String display(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static boolean isWhole(Class<?> type) {
        return type == Long.class || type == long.class || type == Integer.class || type == int.class;
    }

    private static boolean isDecimal(Class<?> type) {
        return type == Double.class || type == double.class || type == BigDecimal.class;
    }

    private static List<String> constants(Class<?> type) {
        return Arrays.stream(type.getEnumConstants()).map(c -> display((Enum<?>) c)).toList();
    }
}
