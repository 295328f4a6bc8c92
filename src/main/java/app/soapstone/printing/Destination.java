package app.soapstone.printing;

/**
 * Where a printout goes: to a file ({@code out}, a file or a folder, replaced only if
 * {@code force}), to a printer ({@code printer}, or the default one if null), or both.
 */
public record Destination(boolean toFile, String out, boolean force, boolean toPrinter, String printer) {

    public static Destination file(String out, boolean force) {
        return new Destination(true, out, force, false, null);
    }

    public static Destination printer(String printer) {
        return new Destination(false, null, false, true, printer);
    }

    /** A file, and a printer too when {@code print} or a printer is named. */
    public static Destination file(String out, boolean force, boolean print, String printer) {
        return new Destination(true, out, force, print || printer != null, printer);
    }
}
