package app.soapstone.integrity;

import app.soapstone.storage.PrivateFiles;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * The clinic's secret for the record seal: 32 random bytes, kept in a file outside the database.
 * Links made while it is present are HMAC-SHA256s under it instead of plain SHA-256s, so someone
 * who can rewrite the database but cannot read the key cannot make links that verify. Its id (a
 * hash of the key, which tells nothing about it) is stored with each link made under it.
 */
public final class SealKey {

    private static final String HEADER = """
            # Soapstone record seal key. Keep a copy somewhere safe (not with the database backups):
            # records keyed with it can only be verified with it. Do not share it.
            """;
    private static final String ALGORITHM = "HmacSHA256";

    private final byte[] secret;
    private final String id;

    private SealKey(byte[] secret) {
        this.secret = secret.clone();
        this.id = RecordDigests.sha256("soapstone record seal key\n" + HexFormat.of().formatHex(secret)).substring(0, 16);
    }

    /** The key in {@code file}, or empty if there is no such file. */
    static Optional<SealKey> read(Path file) throws IOException {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8).stream().map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
        if (lines.size() != 1 || !lines.get(0).matches("[0-9a-f]{64}")) {
            throw new IOException(file + " is not a Soapstone key file (it should hold one line of 64 hex digits)");
        }
        return Optional.of(new SealKey(HexFormat.of().parseHex(lines.get(0))));
    }

    /** Makes a new random key in {@code file}, readable by the owner only; fails if the file exists. */
    static SealKey create(Path file) throws IOException {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        PrivateFiles.createNew(file);
        try {
            Files.writeString(file, HEADER + HexFormat.of().formatHex(secret) + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            PrivateFiles.deleteQuietly(file);
            throw e;
        }
        return new SealKey(secret);
    }

    /** 16 hex digits that name the key in the chain and in anchors, and tell nothing about it. */
    public String id() {
        return id;
    }

    /** A MAC under the key, to be used by one thread. */
    Mac mac() {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(secret, ALGORITHM));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The HMAC-SHA256 of {@code text} under the key, in hex. */
    String hash(String text) {
        return HexFormat.of().formatHex(mac().doFinal(text.getBytes(StandardCharsets.UTF_8)));
    }
}
