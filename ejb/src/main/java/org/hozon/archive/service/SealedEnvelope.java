package org.hozon.archive.service;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HexFormat;
import java.util.logging.Logger;

import org.hozon.archive.crypto.Sidecar;

import software.amazon.awssdk.core.sync.RequestBody;

/**
 * An instance compressed and encrypted once, ready to be PUT to every target: the envelope (in
 * memory for a small instance, else in a temporary file), its SHA-256, and the encoded sidecar.
 * Every target gets these same bytes. Closing it deletes the temporary file.
 *
 * @param file         the envelope's temporary file, or null when it is in {@code bytes}
 * @param bytes        the envelope (its first {@code length} bytes), or null when it is in {@code file}
 * @param length       its length
 * @param sha256       its SHA-256
 * @param objectKey    the data object's key
 * @param sidecarKey   the sidecar's key
 * @param sidecar      the sidecar
 * @param sidecarBytes the sidecar, encoded
 */
public record SealedEnvelope(Path file, byte[] bytes, long length, byte[] sha256, String objectKey, String sidecarKey, Sidecar sidecar,
        byte[] sidecarBytes) implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(SealedEnvelope.class.getName());

    /** @return the envelope's SHA-256, hex (as recorded) */
    public String sha256Hex() {
        return HexFormat.of().formatHex(sha256);
    }

    /** @return the envelope's SHA-256, base64 (as S3 checks it) */
    public String sha256Base64() {
        return Base64.getEncoder().encodeToString(sha256);
    }

    /**
     * @return the envelope as a request body; each PUT, and each retry, reads it from the start.
     *         A file goes through the SDK's own file body, which a multi-gigabyte upload needs.
     */
    public RequestBody requestBody() {
        if (file != null) {
            return RequestBody.fromFile(file);
        }
        return RequestBody.fromContentProvider(() -> new ByteArrayInputStream(bytes, 0, Math.toIntExact(length)), length,
                "application/octet-stream");
    }

    @Override
    public void close() {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.warning("cannot delete " + file + ": " + e.getMessage());
        }
    }
}
