package app.soapstone.integrity;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The small text file beside a backup ({@code <backup>.manifest}): the backup's SHA-256 and the
 * record seal of the database it holds. Kept with the backup (or copied elsewhere, printed), it
 * anchors the record chain as it was at the backup, and tells whether the backup file itself has
 * changed since.
 */
public record BackupManifest(String backup, String written, String sha256, Seal seal, String keyId) {

    static final String SUFFIX = ".manifest";

    /** The manifest that belongs beside {@code backup}. */
    public static Path besides(Path backup) {
        return backup.resolveSibling(backup.getFileName() + SUFFIX);
    }

    /** The manifest's text. */
    String text() {
        return String.join("\n", List.of(
                "# Soapstone backup manifest: what the backup held when it was written. Keep it with the backup;",
                "# 'records verify --backup <this file>' checks the database against it.",
                "backup: " + backup,
                "written: " + written,
                "sha256: " + sha256,
                "entries: " + seal.entries(),
                "head: " + seal.head(),
                "key: " + (keyId == null ? "none" : keyId))) + "\n";
    }

    static BackupManifest of(Path backup, Instant written, String sha256, Seal seal, String keyId) {
        return new BackupManifest(backup.getFileName().toString(), written.toString(), sha256, seal, keyId);
    }

    /** The manifest in {@code file}, or empty if it is not one. */
    static Optional<BackupManifest> read(Path file) throws IOException {
        if (Files.size(file) > 64 * 1024) {
            return Optional.empty();
        }
        Map<String, String> fields = new HashMap<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            int colon = line.indexOf(": ");
            if (!line.startsWith("#") && colon > 0) {
                fields.put(line.substring(0, colon).strip(), line.substring(colon + 2).strip());
            }
        }
        String entries = fields.get("entries");
        String head = fields.get("head");
        if (entries == null || !entries.matches("[0-9]{1,12}") || head == null || !head.matches("[0-9a-f]{64}")) {
            return Optional.empty();
        }
        String key = fields.get("key");
        return Optional.of(new BackupManifest(fields.getOrDefault("backup", ""), fields.getOrDefault("written", ""),
                fields.getOrDefault("sha256", ""), new Seal(Long.parseLong(entries), head),
                key == null || key.equals("none") ? null : key));
    }

    /** The SHA-256 of a file's bytes, in hex. */
    static String sha256(Path file) throws IOException {
        MessageDigest sha = RecordDigests.sha256();
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                sha.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(sha.digest());
    }
}
