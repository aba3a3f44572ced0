package org.hozon.archive.service;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

import javax.crypto.SecretKey;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import org.hozon.archive.crypto.DataKeys;
import org.hozon.archive.crypto.EnvelopeHeader;
import org.hozon.archive.crypto.EnvelopeWriter;
import org.hozon.archive.crypto.ObjectIdentity;
import org.hozon.archive.crypto.ObjectNames;
import org.hozon.archive.crypto.SegmentTable;
import org.hozon.archive.crypto.Sidecar;
import org.hozon.archive.s3.S3Settings;
import org.hozon.archive.store.LocalStore;
import org.hozon.persistence.archive.ArchiveCopy;

/**
 * Archives one instance: claim the task, compress and encrypt the stored file into a temporary
 * file while hashing both the plaintext (it must still match the SHA-256 recorded at receipt) and
 * the ciphertext, PUT the data object and then its sidecar, record the copy, mark ARCHIVED.
 * Memory stays at a few segment buffers whatever the instance's size; the temporary file is what
 * lets the PUT announce its length and checksum up front.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ArchiveService {
    private static final Logger LOG = Logger.getLogger(ArchiveService.class.getName());
    /** Directory under the local store for envelopes being uploaded. */
    public static final String WORK_DIR = ".archive";

    @EJB
    ArchiveTasks tasks;

    @Inject
    ArchiveKeys keys;

    @Inject
    ArchiveSettings settings;

    @Inject
    S3Settings s3Settings;

    @Inject
    S3Copies copies;

    @Inject
    LocalStore store;

    /**
     * Archives the task's instance, unless it is already done or someone else works on it.
     *
     * @param taskPk the archive task
     * @return false if the attempt failed and should be retried (the caller rolls its message
     *         back, so the broker redelivers it with backoff); true if done or nothing to do
     */
    public boolean archive(long taskPk) {
        Optional<ArchiveJob> claimed = tasks.claim(taskPk);
        if (claimed.isEmpty()) {
            LOG.fine(() -> "archive task " + taskPk + " is not claimable (done, failed or running)");
            return true;
        }
        ArchiveJob job = claimed.get();
        try {
            ArchiveCopy copy = upload(job);
            if (!tasks.archived(job, copy)) {
                LOG.info(() -> "instance of archive task " + taskPk + " was deleted while being archived; its S3 copy "
                        + copy.objectKey() + " is not recorded");
            }
            return true;
        } catch (Exception e) {
            String error = e.getClass().getSimpleName() + ": " + e.getMessage();
            boolean gaveUp = tasks.failed(job, error);
            LOG.log(gaveUp ? Level.SEVERE : Level.WARNING, "archive attempt " + job.attempt() + " of task " + taskPk
                    + (gaveUp ? " failed for good: " : " failed, will retry: ") + error);
            return gaveUp;
        }
    }

    private ArchiveCopy upload(ArchiveJob job) throws Exception {
        String tenant = settings.tenant();
        SecretKey kek = keys.ring().get(job.keyId());
        SecretKey dataKey = DataKeys.unwrap(kek, job.wrappedKey(), new ObjectIdentity(tenant, job.sopIuid(), job.keyId()));
        ObjectNames names = keys.names();
        String object = names.dataObject(tenant, job.sopIuid());
        String sidecarKey = ObjectNames.sidecarOf(object);
        EnvelopeHeader header = new EnvelopeHeader(EnvelopeHeader.DEFAULT_COMPRESSION, EnvelopeHeader.DEFAULT_SEGMENT_SIZE,
                job.noncePrefix(), job.keyId(), sidecarKey);

        Path work = store.root().resolve(WORK_DIR);
        Files.createDirectories(work);
        Path temp = Files.createTempFile(work, "task-" + job.taskPk() + "-", ".hze");
        try {
            MessageDigest plainDigest = sha256();
            MessageDigest cipherDigest = sha256();
            SegmentTable table;
            try (InputStream in = new DigestInputStream(Files.newInputStream(store.root().resolve(job.storagePath())), plainDigest);
                    OutputStream out = new DigestOutputStream(new BufferedOutputStream(Files.newOutputStream(temp), 1 << 16),
                            cipherDigest)) {
                table = EnvelopeWriter.encrypt(in, out, header, dataKey);
            }
            String plainSha = HexFormat.of().formatHex(plainDigest.digest());
            if (!plainSha.equals(job.sha256())) {
                throw new ArchiveException("the local copy no longer matches the SHA-256 recorded at receipt"
                        + " (recorded " + job.sha256() + ", read " + plainSha + "); not archived");
            }
            byte[] cipherSha = cipherDigest.digest();
            long length = Files.size(temp);
            String bucket = s3Settings.bucket();
            String etag = copies.putData(bucket, object, temp, length, Base64.getEncoder().encodeToString(cipherSha));

            Sidecar sidecar = new Sidecar(job.keyId(), job.wrappedKey(), Sidecar.sealReceipt(kek, job.keyId(), object,
                    new Sidecar.Receipt(tenant, job.sopIuid(), job.sha256(), job.size())), table);
            byte[] sidecarBytes = sidecar.encode();
            copies.putSidecar(bucket, sidecarKey, sidecar,
                    Base64.getEncoder().encodeToString(sha256().digest(sidecarBytes)), sidecarBytes);
            return new ArchiveCopy(job.instancePk(), settings.target(), bucket, object, sidecarKey, etag,
                    HexFormat.of().formatHex(cipherSha), length, job.keyId(), job.wrappedKey(), Instant.now());
        } finally {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException e) {
                LOG.warning("cannot delete " + temp + ": " + e.getMessage());
            }
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
