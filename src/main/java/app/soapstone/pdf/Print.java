package app.soapstone.pdf;

/** Type sizes of a printout: body text and the smallest text on the page, in points. */
public enum Print {
    STANDARD(14, 12), LARGE(16, 14);

    private final float body;
    private final float minimum;

    Print(float body, float minimum) {
        this.body = body;
        this.minimum = minimum;
    }

    public float body() {
        return body;
    }

    public float minimum() {
        return minimum;
    }
}
