package org.hozon.archive.service;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.hozon.archive.crypto.EnvelopeException;
import org.hozon.archive.crypto.EnvelopeHeader;
import org.hozon.archive.crypto.EnvelopeWriter;
import org.hozon.archive.crypto.Sidecar;
import org.hozon.archive.s3.ArchiveTarget;
import org.hozon.archive.s3.ArchiveTargets;
import org.hozon.persistence.archive.ArchiveDeletion;

import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ChecksumMode;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Removes one archive copy from a target: first its sidecar, then its data object, each only if
 * it is the copy the deletion names. Object keys are stable per instance, so after a DELETE the
 * same instance may be stored and archived again under the same key; a deletion must not take that
 * newer copy. The data object is recognised by its envelope's nonce prefix (random per archive
 * task) or, failing that, its recorded SHA-256; the sidecar by its wrapped data key. Checking and
 * then deleting is safe because every PUT is conditional: while the old object exists, no newer
 * one can replace it. Deleting a missing object is no error (done already).
 */
@ApplicationScoped
public class S3Removals {
    private static final Logger LOG = Logger.getLogger(S3Removals.class.getName());
    private static final int NOT_FOUND = 404;
    /** Longer than any envelope header (two texts of at most 255 bytes and 18 bytes more). */
    private static final int HEADER_BYTES = 1024;

    @Inject
    ArchiveTargets targets;

    /**
     * @param target   the target
     * @param deletion what to remove
     * @throws SdkException if the target failed
     */
    public void remove(ArchiveTarget target, ArchiveDeletion deletion) {
        S3Client s3 = targets.client(target);
        String bucket = deletion.bucket();
        Boolean dataOurs = dataIsOurs(s3, bucket, deletion);
        byte[] sidecar = get(s3, bucket, deletion.sidecarKey(), null);
        if (sidecar != null && sidecarIsOurs(sidecar, deletion, dataOurs)) {
            s3.deleteObject(b -> b.bucket(bucket).key(deletion.sidecarKey()));
        } else if (sidecar != null) {
            LOG.info(() -> "sidecar " + deletion.sidecarKey() + " in " + target.name() + " belongs to a newer copy; kept");
        }
        if (Boolean.TRUE.equals(dataOurs)) {
            s3.deleteObject(b -> b.bucket(bucket).key(deletion.objectKey()));
        } else if (Boolean.FALSE.equals(dataOurs)) {
            LOG.info(() -> "object " + deletion.objectKey() + " in " + target.name() + " belongs to a newer copy; kept");
        }
    }

    /** @return true if the data object is the one to delete, false if it is another, null if there is none */
    private static Boolean dataIsOurs(S3Client s3, String bucket, ArchiveDeletion d) {
        if (d.noncePrefix() != null) {
            byte[] head = get(s3, bucket, d.objectKey(), "bytes=0-" + (HEADER_BYTES - 1));
            if (head == null) {
                return null;
            }
            try {
                return EnvelopeWriter.sealedFrom(EnvelopeHeader.read(new ByteArrayInputStream(head)), d.noncePrefix());
            } catch (IOException notAnEnvelope) {
                return false;
            }
        }
        try {
            String stored = s3.headObject(b -> b.bucket(bucket).key(d.objectKey()).checksumMode(ChecksumMode.ENABLED))
                    .checksumSHA256();
            return d.ciphertextSha256() != null && stored != null
                    && stored.equals(Base64.getEncoder().encodeToString(HexFormat.of().parseHex(d.ciphertextSha256())));
        } catch (S3Exception e) {
            if (e.statusCode() == NOT_FOUND) {
                return null;
            }
            throw e;
        }
    }

    private static boolean sidecarIsOurs(byte[] sidecar, ArchiveDeletion d, Boolean dataOurs) {
        if (d.wrappedKey() == null) {
            return !Boolean.FALSE.equals(dataOurs);
        }
        try {
            return Arrays.equals(Sidecar.decode(sidecar).wrappedKey(), d.wrappedKey());
        } catch (EnvelopeException notASidecar) {
            return false;
        }
    }

    /** @return the object's bytes (or the range), or null if it does not exist */
    private static byte[] get(S3Client s3, String bucket, String key, String range) {
        try {
            return s3.getObjectAsBytes(b -> b.bucket(bucket).key(key).range(range)).asByteArray();
        } catch (S3Exception e) {
            if (e.statusCode() == NOT_FOUND) {
                return null;
            }
            throw e;
        }
    }
}
