package app.soapstone.pdf;

import org.openpdf.text.PageSize;
import org.openpdf.text.Rectangle;

/** The paper sizes offered for printouts. */
public enum Paper {
    A4(PageSize.A4), LETTER(PageSize.LETTER);

    private final Rectangle size;

    Paper(Rectangle size) {
        this.size = size;
    }

    public Rectangle size() {
        return size;
    }
}
