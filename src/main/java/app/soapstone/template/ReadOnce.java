package app.soapstone.template;

/**
 * Reads templates on first need, once: for a {@link TemplateSet} that fills several fields from
 * its files. A read that fails is tried again the next time, and fails again with the same message.
 */
public final class ReadOnce {

    private final Runnable read;
    private volatile boolean done;

    public ReadOnce(Runnable read) {
        this.read = read;
    }

    public void ensure() {
        if (done) {
            return;
        }
        synchronized (this) {
            if (!done) {
                read.run();
                done = true;
            }
        }
    }
}
