package app.soapstone.support;

import org.junit.jupiter.api.Assumptions;

/**
 * What a test needs from the machine beyond what the build makes itself (the Noto fonts, a
 * printer, the distribution with its AOT cache, an old JDK to refuse): where it is missing the
 * test is skipped with the reason, except in CI ({@code CI=true}), where it fails, so that a
 * green CI build means every test ran. The build itself also fails in CI when an end-to-end test
 * was skipped for any other reason (pom.xml).
 */
public final class Prerequisites {

    private Prerequisites() {
    }

    /** Whether this is a CI run: CI=true, as CI services and {@code .ci/run} set it. */
    public static boolean inCi() {
        return "true".equalsIgnoreCase(System.getenv("CI"));
    }

    /**
     * Skips the test unless {@code met}, or in CI fails it; {@code missing} says what is missing
     * and how to get it.
     */
    public static void require(boolean met, String missing) {
        if (met) {
            return;
        }
        if (inCi()) {
            throw new AssertionError("CI=true: every test must run here, but " + missing);
        }
        Assumptions.abort(missing);
    }
}
