package db.migration;

import app.soapstone.integrity.RecordChain;
import app.soapstone.integrity.RecordDigests;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import java.time.Clock;

/**
 * Schema version 6: the notes signed and the addenda written before the record chain existed
 * (version 5) become the start of the chain, in the order they became final. Without this, every
 * one of them would be reported as "not in the chain" by {@code records verify} and {@code db
 * check}, and no backup of an upgraded database could be restored. Runs once, in the migration's
 * transaction; a chain that already has links is left as it is.
 */
public class V006__Link_records_final_before_the_chain extends BaseJavaMigration {

    @Override
    public void migrate(Context context) {
        JdbcClient jdbc = JdbcClient.create(new SingleConnectionDataSource(context.getConnection(), true));
        if (jdbc.sql("SELECT count(*) FROM record_chain").query(Integer.class).single() > 0) {
            return;
        }
        RecordChain chain = new RecordChain(jdbc, new RecordDigests(jdbc), Clock.systemUTC());
        jdbc.sql("""
                        SELECT 'session' AS type, id, signed_at AS final_at, 0 AS kind FROM session WHERE signed_at IS NOT NULL
                        UNION ALL
                        SELECT 'addendum', id, written_at, 1 FROM addendum
                        ORDER BY final_at, kind, id""")
                .query((row, n) -> new Object[] {row.getString("type"), row.getLong("id")})
                .list()
                .forEach(record -> chain.link((String) record[0], (Long) record[1]));
    }
}
