package app.soapstone.shell;

/** A line shown once when the interactive shell starts, e.g. notes left unsigned; null or blank for none. */
public interface StartupNotice {

    String message();
}
