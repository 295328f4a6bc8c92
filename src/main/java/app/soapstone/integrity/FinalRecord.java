package app.soapstone.integrity;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The kinds of record that are final from the moment they are written (a note from the moment it
 * is signed), each of which gets a link in the record chain: how the chain names the kind
 * ({@code record_chain.record_type}), its table, and the words for it in a report.
 */
public enum FinalRecord {

    SESSION("session", "session", "session", "signed notes"),
    ADDENDUM("addendum", "addendum", "addendum", "addenda"),
    INTAKE("intake", "intake", "intake", "intake versions"),
    CLEARANCE("clearance", "intake_clearance", "clearance", "clearances"),
    CARE_PLAN("care-plan", "care_plan_export", "care plan", "care plans given"),
    AUDIT("audit", "audit_event", "audit event", "audit events"),
    RECEIPT("receipt", "receipt", "receipt", "receipts"),
    RECEIPT_VOID("receipt-void", "receipt_void", "void", "voids"),
    PAYMENT("payment", "receipt_payment", "payment", "payments and refunds");

    /** The kinds the chain held before schema version 13, which linked the others. */
    static final List<FinalRecord> FIRST_CHAINED = List.of(SESSION, ADDENDUM);

    private final String type;
    private final String table;
    private final String noun;
    private final String plural;

    FinalRecord(String type, String table, String noun, String plural) {
        this.type = type;
        this.table = table;
        this.noun = noun;
        this.plural = plural;
    }

    /** As the chain names it: {@code session}, {@code audit}... */
    public String type() {
        return type;
    }

    String table() {
        return table;
    }

    /** "audit event 12", as reports name a record. */
    String name(long id) {
        return noun + " " + id;
    }

    /** "3 audit events", "1 signed note". */
    String count(long n) {
        String words = n == 1 ? singular() : plural;
        return String.format(Locale.ROOT, "%,d %s", n, words);
    }

    private String singular() {
        return switch (this) {
            case SESSION -> "signed note";
            case ADDENDUM -> "addendum";
            case INTAKE -> "intake version";
            case CLEARANCE -> "clearance";
            case CARE_PLAN -> "care plan given";
            case AUDIT -> "audit event";
            case RECEIPT -> "receipt";
            case RECEIPT_VOID -> "void";
            case PAYMENT -> "payment or refund";
        };
    }

    static Optional<FinalRecord> of(String type) {
        return Arrays.stream(values()).filter(kind -> kind.type.equals(type)).findFirst();
    }

    static FinalRecord require(String type) {
        return of(type).orElseThrow(() -> new IllegalArgumentException("not a chained record type: " + type));
    }
}
