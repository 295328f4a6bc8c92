package app.soapstone.integrity;

/**
 * Rows of final records as the guards' tests insert them, in SQL both SQLite and PostgreSQL run
 * ({@code GuardsTest}, {@code PostgresSchemaTest}): an id given as NULL is left to the database.
 */
final class FinalRecordRows {

    private FinalRecordRows() {
    }

    /** Ann Lee's intake of {@code version}. */
    static String intake(int version) {
        return """
                INSERT INTO intake (client_id, version, taken_on, recorded_at, cramp_frequency_per_week,
                                    cramp_frequency_given, cramp_severity, consent_date, consent_given_by)
                VALUES (1, %d, '2026-01-10', '2026-01-10T10:00:00.000Z', 3, '3 a week', 5, '2026-01-10', 'Ann Lee')"""
                .formatted(version);
    }

    static String audit(Long id) {
        return "INSERT INTO audit_event (id, at, action, record_type, summary) VALUES (" + id
                + ", '2026-01-10T10:00:00.000Z', 'add', 'client', 'Added client 1')";
    }

    static String carePlan(Long id) {
        return "INSERT INTO care_plan_export (id, client_id, exported_at, file_name, sha256, paper) VALUES (" + id
                + ", 1, '2026-01-10T10:00:00.000Z', 'plan.pdf', '" + "c".repeat(64) + "', 'a4')";
    }

    /** A link of record {@code type} {@code id} after {@code previous}, keyed with {@code keyId} unless null. */
    static String linkSql(String type, long id, String previous, String keyId) {
        String hash = RecordDigests.sha256(previous + type + id);
        return "INSERT INTO record_chain (record_type, record_id, content_hash, previous_hash, hash, linked_at, key_id)"
                + " VALUES ('" + type + "', " + id + ", '" + "a".repeat(64) + "', '" + previous + "', '" + hash
                + "', '2026-01-01T00:00:00.000Z', " + (keyId == null ? "NULL" : "'" + keyId + "'") + ")";
    }

    /** The head's hash, or the genesis hash of an empty chain. */
    static String headSql() {
        return "SELECT coalesce((SELECT hash FROM record_chain ORDER BY seq DESC LIMIT 1), '" + RecordChain.GENESIS + "')";
    }
}
