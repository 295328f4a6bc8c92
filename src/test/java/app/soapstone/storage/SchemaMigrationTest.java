package app.soapstone.storage;

import app.soapstone.support.OldDatabases;
import app.soapstone.support.TestPostgres;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.sqlite.SQLiteDataSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Bringing a database to this version's schema: new and older databases through Flyway, and a
 * database that is already current recognised from its history alone, without Flyway.
 */
class SchemaMigrationTest {

    @TempDir
    Path dir;

    @Test
    void theKnownVersionsAreExactlyTheMigrationsFlywayFinds() {
        Path file = dir.resolve("any.db");
        List<String> found = Arrays.stream(SchemaMigration.flyway(dataSource(file), Vendor.SQLITE).info().all())
                .map(MigrationInfo::getVersion).map(version -> version.getVersion()).toList();

        assertThat(found).isNotEmpty().isEqualTo(SchemaMigration.VERSIONS);
    }

    @Test
    void theKnownPostgresqlVersionsAreExactlyTheMigrationsFlywayFinds() {
        try (TestPostgres.Database database = TestPostgres.newDatabase()) {
            PGSimpleDataSource dataSource = new PGSimpleDataSource();
            dataSource.setUrl(database.url());
            List<String> found = Arrays.stream(SchemaMigration.flyway(dataSource, Vendor.POSTGRESQL).info().all())
                    .map(MigrationInfo::getVersion).map(version -> version.getVersion()).toList();

            assertThat(found).isNotEmpty().isEqualTo(SchemaMigration.POSTGRESQL_VERSIONS);
        }
    }

    @Test
    void aNewDatabaseGetsEveryMigrationAndTheWriteAheadLog() throws Exception {
        Path file = Files.createFile(dir.resolve("new.db"));

        SchemaMigration.bringUpToDate(file, dataSource(file));

        assertThat(history(file)).isEqualTo(SchemaMigration.VERSIONS);
        assertThat(jdbc(file).sql("PRAGMA journal_mode").query(String.class).single()).isEqualTo("wal");
    }

    @Test
    void anOlderDatabaseIsMigratedWithItsRecordsKept() throws Exception {
        Path file = dir.resolve("old.db");
        OldDatabases.beforeTheChain(file);
        assertThat(history(file)).hasSizeLessThan(SchemaMigration.VERSIONS.size());

        SchemaMigration.bringUpToDate(file, dataSource(file));

        assertThat(history(file)).isEqualTo(SchemaMigration.VERSIONS);
        assertThat(jdbc(file).sql("SELECT last_name FROM client WHERE id = 1").query(String.class).single())
                .isEqualTo("Łukasiewicz");
    }

    @Test
    void aCurrentDatabaseIsRecognisedFromItsHistoryWithoutFlyway() throws Exception {
        Path file = Files.createFile(dir.resolve("current.db"));
        SchemaMigration.bringUpToDate(file, dataSource(file));
        // A checksum Flyway would reject: proof that the next start does not run Flyway's checks.
        jdbc(file).sql("UPDATE flyway_schema_history SET checksum = 1 WHERE version = '001'").update();
        assertThat(SchemaMigration.flyway(dataSource(file), Vendor.SQLITE).validateWithResult().validationSuccessful).isFalse();
        jdbc(file).sql("PRAGMA journal_mode = DELETE").query(String.class).single();

        SchemaMigration.bringUpToDate(file, dataSource(file));

        assertThat(history(file)).isEqualTo(SchemaMigration.VERSIONS);
        assertThat(jdbc(file).sql("PRAGMA journal_mode").query(String.class).single())
                .as("the write-ahead log is switched on in the quick path too").isEqualTo("wal");
    }

    @Test
    void aFailedMigrationInTheHistoryGoesToFlywayWhichRefusesIt() throws Exception {
        Path file = Files.createFile(dir.resolve("failed.db"));
        SchemaMigration.bringUpToDate(file, dataSource(file));
        String newest = SchemaMigration.VERSIONS.getLast();
        jdbc(file).sql("UPDATE flyway_schema_history SET success = 0 WHERE version = ?").param(newest).update();

        assertThatThrownBy(() -> SchemaMigration.bringUpToDate(file, dataSource(file)))
                .isInstanceOf(FlywayException.class).hasMessageContaining(newest);
    }

    @Test
    void aDamagedFileIsRefusedByTheQuickCheckAndLeftAlone() throws Exception {
        Path file = dir.resolve("damaged.db");
        byte[] bytes = new byte[8192];
        System.arraycopy("SQLite format 3\0".getBytes(java.nio.charset.StandardCharsets.US_ASCII), 0, bytes, 0, 16);
        Arrays.fill(bytes, 16, bytes.length, (byte) 0x5a);
        Files.write(file, bytes);

        assertThatThrownBy(() -> SchemaMigration.bringUpToDate(file, dataSource(file)))
                .isInstanceOf(DatabaseRefusedException.class).hasMessageContaining("is damaged");
        assertThat(Files.readAllBytes(file)).isEqualTo(bytes);
    }

    /**
     * Until the migrations moved to {@code db/migration/sqlite}, Flyway recorded a Java migration's
     * script as its class name in {@code db.migration}; such a database must still validate, and
     * upgrade, now that the class is {@code db.migration.sqlite}.
     */
    @Test
    void databasesMigratedBeforeTheMigrationsMovedToTheSqliteFolderStillValidateAndUpgrade() {
        Path old = dir.resolve("old.db");
        OldDatabases.migratedTo(old, "13");
        Path current = dir.resolve("current.db");
        OldDatabases.migratedTo(current, SchemaMigration.VERSIONS.getLast());
        for (Path file : List.of(old, current)) {
            int renamed = jdbc(file).sql("""
                    UPDATE flyway_schema_history SET script = replace(script, 'db.migration.sqlite.', 'db.migration.')
                    WHERE type = 'JDBC'""").update();
            assertThat(renamed).isEqualTo(file == old ? 2 : 3);
            assertThat(jdbc(file).sql("SELECT script FROM flyway_schema_history WHERE version = '006'")
                    .query(String.class).single()).isEqualTo("db.migration.V006__Link_records_final_before_the_chain");

            // Flyway validates before it migrates (validateOnMigrate), so the old one is validated too.
            SchemaMigration.bringUpToDate(file, dataSource(file));
            assertThat(history(file)).isEqualTo(SchemaMigration.VERSIONS);
            var validation = SchemaMigration.flyway(dataSource(file), Vendor.SQLITE).validateWithResult();
            assertThat(validation.invalidMigrations).as("validation of %s", file.getFileName()).isEmpty();
            assertThat(validation.validationSuccessful).isTrue();
        }
    }

    @Test
    void eachVendorHasItsOwnMigrationsAndHistory() {
        assertThat(Vendor.SQLITE.migrations()).isEqualTo("classpath:db/migration/sqlite");
        assertThat(Vendor.POSTGRESQL.migrations()).isEqualTo("classpath:db/migration/postgresql");
        assertThat(SchemaMigration.versions(Vendor.SQLITE)).isSameAs(SchemaMigration.VERSIONS);
        assertThat(SchemaMigration.versions(Vendor.POSTGRESQL)).containsExactly("018", "019", "020", "021", "022", "023", "024", "025",
                "026", "027");
    }

    private static List<String> history(Path file) {
        return jdbc(file).sql("""
                        SELECT version FROM flyway_schema_history
                        WHERE version IS NOT NULL AND success = 1 ORDER BY installed_rank""")
                .query(String.class).list();
    }

    private static SQLiteDataSource dataSource(Path file) {
        SQLiteDataSource source = new SQLiteDataSource();
        source.setUrl("jdbc:sqlite:" + file);
        return source;
    }

    private static JdbcClient jdbc(Path file) {
        return JdbcClient.create(dataSource(file));
    }
}
