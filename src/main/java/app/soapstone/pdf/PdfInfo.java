package app.soapstone.pdf;

import app.soapstone.validation.PlainText;
import org.openpdf.text.Document;

/**
 * A printout's document properties - title, author, subject - which viewers show in their title
 * bar and file lists; stored text in them is shown visibly, as on the page ({@link PdfColumn.Run}).
 */
public final class PdfInfo {

    private PdfInfo() {
    }

    /** Sets the properties of {@code document}, made by Soapstone; call before it is opened. */
    public static void describe(Document document, String title, String author, String subject) {
        document.addTitle(PlainText.visible(title));
        document.addAuthor(PlainText.visible(author));
        document.addSubject(PlainText.visible(subject));
        document.addCreator("Soapstone");
    }
}
