package db.migration;

import app.soapstone.integrity.EarlierRecords;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import java.time.Instant;

/**
 * Schema version 13: the intake versions, medical clearances, care plans given and audit events
 * recorded before the chain took them (version 12) are linked after the signed notes and addenda
 * already in it, whose links stay as they were; an audit event says how many, and is linked last.
 * Without this, every one of them would be reported as "not in the chain", and no backup of an
 * upgraded database could be restored. Runs once, in the migration's transaction.
 */
public class V013__Link_every_final_record extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        EarlierRecords.linkEveryOtherKind(context.getConnection(), Instant.now());
    }
}
