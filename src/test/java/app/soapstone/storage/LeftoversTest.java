package app.soapstone.storage;

import app.soapstone.SoapstoneApplication;
import app.soapstone.client.ClientDetails;
import app.soapstone.client.ClientService;
import app.soapstone.record.Backups;
import app.soapstone.record.DataExport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a Soapstone killed while writing a backup, an export or a printout leaves behind - a
 * hidden part file holding health records, in a folder the therapist chose - is deleted: at the
 * next start if it was noted beside the database, else at the next write to its folder once
 * nobody has touched it for an hour. Part files of a process that is still running are kept. The
 * kill itself is in {@code app.soapstone.LeftoversIT}; here the files are laid out as it leaves them.
 */
class LeftoversTest {

    @TempDir
    Path dir;

    @Test
    void thePartFilesOfAKilledProcessAreDeletedAtTheNextStart() throws Exception {
        Path data = Files.createDirectories(dir.resolve("data"));
        Path backups = Files.createDirectories(dir.resolve("backups"));
        long killed = deadProcess();
        Path backup = leftover(backups.resolve(".soapstone-" + killed + "-1a2b.part"), data, killed + "-1a2b");
        Path journal = Files.writeString(backups.resolve(backup.getFileName() + "-journal"), "pages");
        Path export = Files.createDirectories(backups.resolve(".soapstone-" + killed + "-3c4d.part"));
        Files.writeString(Files.createDirectories(export.resolve("clients")).resolve("1.json"), "{\"first_name\": \"Zoë\"}");
        note(data, killed + "-3c4d", export);
        long running = ProcessHandle.current().pid();
        Path stillBeingWritten = leftover(backups.resolve(".soapstone-" + running + "-5e6f.part"), data, running + "-5e6f");

        try (ConfigurableApplicationContext app = start(data.resolve("soapstone.db"))) {
            assertThat(backup).doesNotExist();
            assertThat(journal).doesNotExist();
            assertThat(export).doesNotExist();
            assertThat(stillBeingWritten).as("its process is running").exists();
            assertThat(names(data.resolve("writing"))).containsExactly(running + "-5e6f");
        }
    }

    @Test
    void partFilesNobodyNotedAreDeletedAtTheNextWriteToTheirFolder() throws Exception {
        Path backups = Files.createDirectories(dir.resolve("backups"));
        Instant twoHoursAgo = Instant.now().minus(Duration.ofHours(2));
        // As versions before the notes left them: a random number, no process.
        Path old = untouchedSince(Files.writeString(backups.resolve(".soapstone-8415906624079147523.part"), "records"),
                twoHoursAgo);
        Path oldJournal = untouchedSince(Files.writeString(backups.resolve(old.getFileName() + "-journal"), "pages"),
                twoHoursAgo);
        Path deadAndOld = untouchedSince(Files.writeString(backups.resolve(".soapstone-" + deadProcess() + "-9z.part"),
                "records"), twoHoursAgo);
        // Possibly being written by another computer that shares the folder: left alone for now.
        Path recent = Files.writeString(backups.resolve(".soapstone-" + deadProcess() + "-8y.part"), "records");
        Path notOurs = untouchedSince(Files.writeString(backups.resolve(".soapstone-notes.txt"), "mine"), twoHoursAgo);

        try (ConfigurableApplicationContext app = start(dir.resolve("data").resolve("soapstone.db"))) {
            app.getBean(Backups.class).backup(backups.resolve("soapstone-backup.db").toString(), false);
        }

        assertThat(names(backups)).containsExactlyInAnyOrder("soapstone-backup.db", "soapstone-backup.db.manifest",
                recent.getFileName().toString(), notOurs.getFileName().toString());
        assertThat(old).doesNotExist();
        assertThat(oldJournal).doesNotExist();
        assertThat(deadAndOld).doesNotExist();
    }

    @Test
    void aProcessThatStartedAfterAPartFileWasWrittenIsNotItsWriter() throws Exception {
        Path data = Files.createDirectories(dir.resolve("data"));
        Path backups = Files.createDirectories(dir.resolve("backups"));
        Instant twoHoursAgo = Instant.now().minus(Duration.ofHours(2));
        // The killed writer's number, since given to a process that is running now.
        Process later = new ProcessBuilder("sleep", "60").start();
        try {
            long pid = later.pid();
            Path noted = leftover(backups.resolve(".soapstone-" + pid + "-1a.part"), data, pid + "-1a");
            untouchedSince(data.resolve("writing").resolve(pid + "-1a"), twoHoursAgo);
            Path unnoted = untouchedSince(Files.writeString(backups.resolve(".soapstone-" + pid + "-2b.part"),
                    "records"), twoHoursAgo);

            try (ConfigurableApplicationContext app = start(data.resolve("soapstone.db"))) {
                assertThat(noted).as("noted, deleted at the start").doesNotExist();
                app.getBean(Backups.class).backup(backups.resolve("soapstone-backup.db").toString(), false);
            }

            assertThat(unnoted).as("deleted at the next write to its folder").doesNotExist();
            assertThat(names(backups)).containsExactly("soapstone-backup.db", "soapstone-backup.db.manifest");
        } finally {
            later.destroyForcibly().waitFor();
        }
    }

    @Test
    void backupsExportsAndRestoresLeaveNoPartFilesOrNotes() throws Exception {
        Path data = dir.resolve("data");
        Path out = Files.createDirectories(dir.resolve("out"));
        try (ConfigurableApplicationContext app = start(data.resolve("soapstone.db"))) {
            app.getBean(ClientService.class).add(new ClientDetails("Zoë", "Ng", null, null, null, null, null, null, null,
                    null));
            Backups backups = app.getBean(Backups.class);
            backups.backup(out.resolve("backup.db").toString(), false);
            app.getBean(DataExport.class).export(out.resolve("export").toString());
            backups.restore(out.resolve("backup.db").toString());
        }

        assertThat(names(out)).containsExactlyInAnyOrder("backup.db", "backup.db.manifest", "export");
        assertThat(names(out.resolve("export"))).contains("client.csv", "README.md", "clients");
        assertThat(names(data)).allSatisfy(name -> assertThat(name).doesNotStartWith(".soapstone-"))
                .anySatisfy(name -> assertThat(name).startsWith("soapstone-before-restore-"));
        assertThat(names(data.resolve("writing"))).as("no notes left").isEmpty();
    }

    /** A part file with records in it, noted beside the database as being written by {@code id}'s process. */
    private static Path leftover(Path part, Path data, String id) throws IOException {
        Files.writeString(part, "SQLite format 3\0... Zoë Ng, left calf tight", StandardCharsets.UTF_8);
        note(data, id, part);
        return part;
    }

    private static void note(Path data, String id, Path part) throws IOException {
        Files.writeString(Files.createDirectories(data.resolve("writing")).resolve(id), part.toString());
    }

    /** The id of a process that has ended. */
    private static long deadProcess() throws Exception {
        Process process = new ProcessBuilder("true").start();
        process.waitFor();
        return process.pid();
    }

    private static Path untouchedSince(Path file, Instant time) throws IOException {
        Files.setLastModifiedTime(file, FileTime.from(time));
        return file;
    }

    private static List<String> names(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(file -> file.getFileName().toString()).sorted().toList();
        }
    }

    private static ConfigurableApplicationContext start(Path database) {
        return new SpringApplicationBuilder(SoapstoneApplication.class)
                .properties("spring.shell.interactive.enabled=false", "soapstone.db=" + database)
                .run();
    }
}
