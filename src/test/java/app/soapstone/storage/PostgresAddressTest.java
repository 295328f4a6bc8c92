package app.soapstone.storage;

import app.soapstone.validation.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Reading SOAPSTONE_DB as libpq reads a connection URI, into the URL the PostgreSQL driver reads. */
class PostgresAddressTest {

    private static final String HOME = "/home/alex";

    @TempDir
    Path dir;

    @Test
    void postgresUrisAndJdbcUrlsArePostgresAndAnythingElseIsASqliteFile() {
        assertThat(PostgresAddress.isPostgres("postgresql://db/clinic")).isTrue();
        assertThat(PostgresAddress.isPostgres("postgres://db/clinic")).isTrue();
        assertThat(PostgresAddress.isPostgres(" PostgreSQL://db/clinic")).isTrue();
        assertThat(PostgresAddress.isPostgres("jdbc:postgresql://db/clinic")).isTrue();
        assertThat(PostgresAddress.isPostgres("/data/postgresql/soapstone.db")).isFalse();
        assertThat(PostgresAddress.isPostgres("postgresql.db")).isFalse();
        assertThat(PostgresAddress.isPostgres("~/soapstone.db")).isFalse();
    }

    @Test
    void aUriWithHostPortDatabaseAndUserBecomesTheDriversUrl() {
        PostgresAddress address = parse("postgresql://alex@db.example.org:6543/clinic");

        assertThat(address.url()).isEqualTo("jdbc:postgresql://db.example.org:6543/clinic?user=alex");
        assertThat(address.hosts()).containsExactly("db.example.org:6543");
        assertThat(address.database()).isEqualTo("clinic");
        assertThat(address.user()).isEqualTo("alex");
        assertThat(address).hasToString("postgresql://db.example.org:6543/clinic");
        assertThat(address.folderName()).isEqualTo("db.example.org-6543-clinic");
    }

    @Test
    void thePostgresSchemeAndDefaultsFromLibpqVariables() {
        Map<String, String> env = Map.of("PGHOST", "pg.local", "PGPORT", "5433", "PGUSER", "sam",
                "PGSSLMODE", "require", "USER", "root");

        assertThat(PostgresAddress.parse("postgres:///clinic", env, HOME).url())
                .isEqualTo("jdbc:postgresql://pg.local:5433/clinic?user=sam&sslmode=require");
        assertThat(PostgresAddress.parse("postgresql://", Map.of("USER", "sam"), HOME).url())
                .as("host, port and database default as in psql: localhost, 5432, the user's name")
                .isEqualTo("jdbc:postgresql://localhost:5432/sam?user=sam");
        assertThat(PostgresAddress.parse("postgresql://db/clinic?sslmode=disable", env, HOME).url())
                .as("the address wins over the variables")
                .isEqualTo("jdbc:postgresql://db:5432/clinic?user=sam&sslmode=disable");
    }

    @Test
    void verifyFullWithARootCertificateIsPassedOn() {
        PostgresAddress address = parse("postgresql://alex@db.example.org/clinic"
                + "?sslmode=verify-full&sslrootcert=%2Fhome%2Falex%2Fclinic%20ca.crt&application_name=front+desk");

        assertThat(address.url()).isEqualTo("jdbc:postgresql://db.example.org:5432/clinic?user=alex"
                + "&sslmode=verify-full&sslrootcert=%2Fhome%2Falex%2Fclinic%20ca.crt&ApplicationName=front%2Bdesk");
    }

    @Test
    void ipv6HostsAndSeveralHostsKeepTheirPorts() {
        assertThat(parse("postgresql://alex@[::1]:5433/clinic").url())
                .isEqualTo("jdbc:postgresql://[::1]:5433/clinic?user=alex");
        assertThat(parse("postgresql://alex@[2001:db8::7]/clinic").hosts()).containsExactly("[2001:db8::7]:5432");
        assertThat(parse("postgresql://alex@[::1]/clinic").folderName()).isEqualTo("___1_-5432-clinic");

        PostgresAddress several = parse("postgresql://alex@one:5432,two:5433,three/clinic?target_session_attrs=read-write");
        assertThat(several.url()).isEqualTo(
                "jdbc:postgresql://one:5432,two:5433,three:5432/clinic?user=alex&targetServerType=primary");
        assertThat(several.folderName()).isEqualTo("one-5432-clinic");
    }

    @Test
    void percentEncodedNamesAreDecodedAndEncodedAgainForTheDriver() {
        PostgresAddress address = parse("postgresql://zo%C3%AB%40clinic@db/cl%C3%ADnica%20north");

        assertThat(address.user()).isEqualTo("zoë@clinic");
        assertThat(address.database()).isEqualTo("clínica north");
        assertThat(address.url()).isEqualTo("jdbc:postgresql://db:5432/cl%C3%ADnica%20north?user=zo%C3%AB%40clinic");
        assertThatThrownBy(() -> parse("postgresql://db/clinic%zz")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("SOAPSTONE_DB").hasMessageContaining("%25");
    }

    @Test
    void hostAndPortAsParametersAndAJdbcUrlAsItStands() {
        assertThat(parse("postgresql:///clinic?host=db.example.org&port=6000&user=alex").url())
                .isEqualTo("jdbc:postgresql://db.example.org:6000/clinic?user=alex");
        assertThat(parse("jdbc:postgresql://db.example.org/clinic?user=alex&sslmode=verify-full").url())
                .isEqualTo("jdbc:postgresql://db.example.org:5432/clinic?user=alex&sslmode=verify-full");
        assertThat(parse("postgresql://db/clinic?port=&user=alex").url()).isEqualTo("jdbc:postgresql://db:5432/clinic?user=alex");
        assertThat(parse("jdbc:postgresql:clinic?user=alex").url())
                .isEqualTo("jdbc:postgresql://localhost:5432/clinic?user=alex");
    }

    @Test
    void aServiceLeavesHostPortAndDatabaseToTheServiceFile() {
        PostgresAddress named = parse("postgresql://?service=clinic");
        assertThat(named.url()).isEqualTo("jdbc:postgresql://?service=clinic");
        assertThat(named).hasToString("the PostgreSQL service clinic");
        assertThat(named.folderName()).isEqualTo("service-clinic");

        PostgresAddress fromVariable = PostgresAddress.parse("postgresql:///", Map.of("PGSERVICE", "clinic",
                "PGHOST", "ignored", "USER", "root"), HOME);
        assertThat(fromVariable.url()).isEqualTo("jdbc:postgresql://?service=clinic");
    }

    @Test
    void aPasswordInTheAddressIsRefusedAndNotRepeated() {
        for (String value : List.of("postgresql://alex:s3cret@db/clinic", "postgres://alex:@db/clinic",
                "postgresql://db/clinic?password=s3cret", "jdbc:postgresql://db/clinic?user=alex&password=s3cret")) {
            assertThatThrownBy(() -> parse(value)).as(value).isInstanceOf(InvalidInputException.class)
                    .hasMessageStartingWith("SOAPSTONE_DB holds a password").hasMessageContaining("~/.pgpass")
                    .hasMessageNotContaining("s3cret")
                    .satisfies(e -> assertThat(((InvalidInputException) e).status()).isEqualTo(2));
        }
    }

    @Test
    void socketFoldersAndBadPortsAreRefused() {
        assertThatThrownBy(() -> parse("postgresql://%2Fvar%2Frun%2Fpostgresql/clinic"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("Unix socket");
        assertThatThrownBy(() -> parse("postgresql://db:fivefour/clinic"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("port");
    }

    @Test
    void thePasswordAndServiceFilesAreTheOnesLibpqWouldRead() throws Exception {
        String home = dir.toString();
        PostgresAddress plain = PostgresAddress.parse("postgresql://db/clinic", Map.of("USER", "alex"), home);
        assertThat(plain.passwordFile()).isEqualTo(dir.resolve(".pgpass"));
        assertThat(plain.serviceFile()).isNull();

        Map<String, String> env = Map.of("PGPASSFILE", "~/secrets/pgpass", "PGSYSCONFDIR", "/etc/pg", "USER", "alex");
        PostgresAddress named = PostgresAddress.parse("postgresql://db/clinic", env, home);
        assertThat(named.passwordFile()).isEqualTo(dir.resolve("secrets/pgpass"));
        assertThat(named.serviceFile()).isEqualTo(Path.of("/etc/pg/pg_service.conf"));

        Files.writeString(dir.resolve(".pg_service.conf"), "[clinic]\nhost=db\n");
        assertThat(PostgresAddress.parse("postgresql://db/clinic", env, home).serviceFile())
                .as("~/.pg_service.conf comes before PGSYSCONFDIR").isEqualTo(dir.resolve(".pg_service.conf"));
        assertThat(PostgresAddress.parse("postgresql://db/clinic", Map.of("PGSERVICEFILE", "/srv/pg.conf"), home)
                .serviceFile()).isEqualTo(Path.of("/srv/pg.conf"));
        assertThat(PostgresAddress.parse("postgresql://db/clinic?passfile=%2Fsrv%2Fpass", env, home).passwordFile())
                .isEqualTo(Path.of("/srv/pass"));
    }

    @Test
    void aPostgresDatabaseKeepsItsLogAndHistoryInAFolderOfItsOwnUnderTheDataFolder() {
        DataLocation location = DataLocation.resolve(Map.of("SOAPSTONE_DB", "postgresql://alex@db:5432/clinic",
                "XDG_DATA_HOME", "/data"), "Linux", HOME);

        assertThat(location.onPostgres()).isTrue();
        assertThat(location.vendor()).isEqualTo(Vendor.POSTGRESQL);
        assertThat(location.database()).isNull();
        assertThat(location.directory()).isEqualTo(Path.of("/data/soapstone/servers/db-5432-clinic"));
        assertThat(location.logFile()).isEqualTo(Path.of("/data/soapstone/servers/db-5432-clinic/soapstone.log"));
        assertThat(location.anchorFile()).isEqualTo(Path.of("/data/soapstone/servers/db-5432-clinic/soapstone.anchors"));
        assertThat(location.describe()).isEqualTo("postgresql://db:5432/clinic");

        DataLocation sqlite = DataLocation.resolve(Map.of("SOAPSTONE_DB", "/data/postgres.db"), "Linux", HOME);
        assertThat(sqlite.onPostgres()).isFalse();
        assertThat(sqlite.vendor()).isEqualTo(Vendor.SQLITE);
        assertThat(sqlite.database()).isEqualTo(Path.of("/data/postgres.db"));
    }

    private static PostgresAddress parse(String value) {
        return PostgresAddress.parse(value, Map.of("USER", "root"), HOME);
    }
}
