package org.hozon.archive.service;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import javax.crypto.SecretKey;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.hozon.archive.crypto.DataKeys;
import org.hozon.archive.crypto.EnvelopeHeader;
import org.hozon.archive.crypto.EnvelopeWriter;
import org.hozon.archive.crypto.ObjectIdentity;
import org.hozon.archive.crypto.ObjectNames;
import org.hozon.archive.crypto.SegmentTable;
import org.hozon.archive.crypto.Sidecar;
import org.hozon.archive.store.LocalStore;

/**
 * Compresses and encrypts a stored instance, in memory up to {@link #IN_MEMORY_MAX} and into a
 * temporary file beyond, while hashing both the plaintext (it must still match the SHA-256
 * recorded at receipt) and the ciphertext, and builds its sidecar. Memory stays bounded whatever
 * the instance's size; the whole envelope is what lets each PUT announce its length and checksum
 * up front.
 */
@ApplicationScoped
public class EnvelopeSealer {
    /** Directory under the local store for envelopes being uploaded. */
    public static final String WORK_DIR = ".archive";
    /**
     * Instances up to this size are sealed in memory (at most one such envelope per archiving
     * session, {@code hozon.archive.sessions}: 8 × at most 8 MiB of array): no temporary file to
     * write and delete, and the SDK reads the envelope twice (payload hash, then the body). Larger
     * ones go through a file.
     */
    static final long IN_MEMORY_MAX = 4L << 20;

    @Inject
    ArchiveKeys keys;

    @Inject
    ArchiveSettings settings;

    @Inject
    LocalStore store;

    /**
     * @param job the claimed task
     * @return the envelope; the caller closes it
     * @throws ArchiveException if the local copy no longer has its recorded SHA-256
     * @throws Exception        if the file cannot be read or the keys are not usable
     */
    public SealedEnvelope seal(ArchiveJob job) throws Exception {
        String tenant = settings.tenant();
        SecretKey kek = keys.ring().get(job.keyId());
        SecretKey dataKey = DataKeys.unwrap(kek, job.wrappedKey(), new ObjectIdentity(tenant, job.sopIuid(), job.keyId()));
        String object = job.objectKey();
        String sidecarKey = ObjectNames.sidecarOf(object);
        EnvelopeHeader header = new EnvelopeHeader(EnvelopeHeader.DEFAULT_COMPRESSION, EnvelopeHeader.DEFAULT_SEGMENT_SIZE,
                job.noncePrefix(), job.keyId(), sidecarKey);

        boolean inMemory = job.size() <= IN_MEMORY_MAX;
        Path temp = null;
        EnvelopeBuffer buffer = null;
        OutputStream target;
        if (inMemory) {
            buffer = new EnvelopeBuffer((int) job.size() / 2 + 64 * 1024);
            target = buffer;
        } else {
            Path work = store.root().resolve(WORK_DIR);
            Files.createDirectories(work);
            temp = Files.createTempFile(work, "task-" + job.taskPk() + "-", ".hze");
            target = new BufferedOutputStream(Files.newOutputStream(temp), 1 << 16);
        }
        boolean done = false;
        try {
            MessageDigest plainDigest = sha256();
            MessageDigest cipherDigest = sha256();
            SegmentTable table;
            try (InputStream in = new DigestInputStream(Files.newInputStream(store.root().resolve(job.storagePath())),
                    plainDigest);
                    OutputStream out = new DigestOutputStream(target, cipherDigest)) {
                table = EnvelopeWriter.encrypt(in, out, header, dataKey);
            }
            String plainSha = HexFormat.of().formatHex(plainDigest.digest());
            if (!plainSha.equals(job.sha256())) {
                throw new ArchiveException("the local copy no longer matches the SHA-256 recorded at receipt"
                        + " (recorded " + job.sha256() + ", read " + plainSha + "); not archived");
            }
            Sidecar sidecar = new Sidecar(job.keyId(), job.wrappedKey(), Sidecar.sealReceipt(kek, job.keyId(), object,
                    new Sidecar.Receipt(tenant, job.sopIuid(), job.sha256(), job.size())), table);
            SealedEnvelope sealed = inMemory
                    ? new SealedEnvelope(null, buffer.array(), buffer.size(), cipherDigest.digest(), object, sidecarKey,
                            sidecar, sidecar.encode())
                    : new SealedEnvelope(temp, null, Files.size(temp), cipherDigest.digest(), object, sidecarKey,
                            sidecar, sidecar.encode());
            done = true;
            return sealed;
        } finally {
            if (!done && temp != null) {
                Files.deleteIfExists(temp);
            }
        }
    }

    /** A byte array output stream whose array is handed over without a copy. */
    private static final class EnvelopeBuffer extends ByteArrayOutputStream {
        EnvelopeBuffer(int initial) {
            super(initial);
        }

        byte[] array() {
            return buf;
        }
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
