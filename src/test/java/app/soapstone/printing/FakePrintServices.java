package app.soapstone.printing;

import javax.print.Doc;
import javax.print.DocFlavor;
import javax.print.DocPrintJob;
import javax.print.PrintException;
import javax.print.PrintService;
import javax.print.ServiceUIFactory;
import javax.print.attribute.Attribute;
import javax.print.attribute.AttributeSet;
import javax.print.attribute.HashPrintServiceAttributeSet;
import javax.print.attribute.PrintJobAttributeSet;
import javax.print.attribute.PrintRequestAttributeSet;
import javax.print.attribute.PrintServiceAttribute;
import javax.print.attribute.PrintServiceAttributeSet;
import javax.print.attribute.standard.JobName;
import javax.print.attribute.standard.Media;
import javax.print.attribute.standard.MediaSizeName;
import javax.print.attribute.standard.PrinterIsAcceptingJobs;
import javax.print.event.PrintJobAttributeListener;
import javax.print.event.PrintJobListener;
import javax.print.event.PrintServiceAttributeListener;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Stand-in printers for tests: each keeps the documents sent to it, or refuses them the way
 * Java's print service does, so the service's real printing code runs without a real printer.
 */
public class FakePrintServices implements PrintServices {

    private final List<FakePrinter> printers = new ArrayList<>();
    private String defaultName;

    /** A printer that takes PDF; the first one added is the default unless {@link #noDefault} is called. */
    public FakePrinter add(String name) {
        FakePrinter printer = new FakePrinter(name);
        printers.add(printer);
        if (printers.size() == 1) {
            defaultName = name;
        }
        return printer;
    }

    public void noDefault() {
        defaultName = null;
    }

    public void makeDefault(String name) {
        defaultName = name;
    }

    /** No printers at all. */
    public void clear() {
        printers.clear();
        defaultName = null;
    }

    @Override
    public List<PrintService> pdfPrinters() {
        return List.copyOf(printers);
    }

    @Override
    public PrintService defaultPrinter() {
        return printers.stream().filter(p -> p.getName().equals(defaultName)).findFirst().orElse(null);
    }

    /** A document as the printer received it, with the job's name and the paper asked for (or null). */
    public record Job(String name, DocFlavor flavor, byte[] bytes, MediaSizeName paper) {
    }

    /** One stand-in printer. */
    public static final class FakePrinter implements PrintService {

        private final String name;
        private final List<Job> jobs = new ArrayList<>();
        private String refusal;
        private boolean accepting = true;

        FakePrinter(String name) {
            this.name = name;
        }

        /** Every job will fail with {@code message}, as Java reports a failed {@code lpr}. */
        public FakePrinter refusing(String message) {
            this.refusal = message;
            return this;
        }

        public FakePrinter notAccepting() {
            this.accepting = false;
            return this;
        }

        public List<Job> jobs() {
            return List.copyOf(jobs);
        }

        @Override
        public String getName() {
            return name;
        }

        @Override
        public DocPrintJob createPrintJob() {
            return new DocPrintJob() {
                @Override
                public PrintService getPrintService() {
                    return FakePrinter.this;
                }

                @Override
                public PrintJobAttributeSet getAttributes() {
                    return null;
                }

                @Override
                public void addPrintJobListener(PrintJobListener listener) {
                }

                @Override
                public void removePrintJobListener(PrintJobListener listener) {
                }

                @Override
                public void addPrintJobAttributeListener(PrintJobAttributeListener listener, PrintJobAttributeSet attributes) {
                }

                @Override
                public void removePrintJobAttributeListener(PrintJobAttributeListener listener) {
                }

                @Override
                public void print(Doc doc, PrintRequestAttributeSet attributes) throws PrintException {
                    if (!accepting) {
                        throw new PrintException("Printer is not accepting job.");
                    }
                    if (refusal != null) {
                        throw new PrintException(new IOException(refusal));
                    }
                    try (InputStream in = doc.getStreamForBytes()) {
                        JobName jobName = (JobName) attributes.get(JobName.class);
                        jobs.add(new Job(jobName == null ? null : jobName.getValue(), doc.getDocFlavor(), in.readAllBytes(),
                                attributes.get(Media.class) instanceof MediaSizeName paper ? paper : null));
                    } catch (IOException e) {
                        throw new PrintException(e);
                    }
                }
            };
        }

        @Override
        public void addPrintServiceAttributeListener(PrintServiceAttributeListener listener) {
        }

        @Override
        public void removePrintServiceAttributeListener(PrintServiceAttributeListener listener) {
        }

        @Override
        public PrintServiceAttributeSet getAttributes() {
            return new HashPrintServiceAttributeSet(
                    accepting ? PrinterIsAcceptingJobs.ACCEPTING_JOBS : PrinterIsAcceptingJobs.NOT_ACCEPTING_JOBS);
        }

        @Override
        public <T extends PrintServiceAttribute> T getAttribute(Class<T> category) {
            return category.cast(getAttributes().get(category));
        }

        @Override
        public DocFlavor[] getSupportedDocFlavors() {
            return new DocFlavor[] {DocFlavor.INPUT_STREAM.PDF};
        }

        @Override
        public boolean isDocFlavorSupported(DocFlavor flavor) {
            return DocFlavor.INPUT_STREAM.PDF.equals(flavor);
        }

        @Override
        public Class<?>[] getSupportedAttributeCategories() {
            return new Class<?>[] {JobName.class};
        }

        @Override
        public boolean isAttributeCategorySupported(Class<? extends Attribute> category) {
            return category == JobName.class;
        }

        @Override
        public Object getDefaultAttributeValue(Class<? extends Attribute> category) {
            return null;
        }

        @Override
        public Object getSupportedAttributeValues(Class<? extends Attribute> category, DocFlavor flavor,
                AttributeSet attributes) {
            return null;
        }

        @Override
        public boolean isAttributeValueSupported(Attribute attribute, DocFlavor flavor, AttributeSet attributes) {
            return attribute instanceof JobName;
        }

        @Override
        public AttributeSet getUnsupportedAttributes(DocFlavor flavor, AttributeSet attributes) {
            return null;
        }

        @Override
        public ServiceUIFactory getServiceUIFactory() {
            return null;
        }

        @Override
        public String toString() {
            return "fake printer " + name;
        }
    }
}
