package db.migration;

import app.soapstone.integrity.EarlierRecords;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Schema version 6: the notes signed and the addenda written before the record chain existed
 * (version 5) become the start of the chain, in the order they became final. Without this, every
 * one of them would be reported as "not in the chain" by {@code records verify} and {@code db
 * check}, and no backup of an upgraded database could be restored. Runs once, in the migration's
 * transaction; a chain that already has links is left as it is.
 */
public class V006__Link_records_final_before_the_chain extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        EarlierRecords.linkNotesAndAddenda(context.getConnection());
    }
}
