package org.hozon.archive.restore;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.DigestInputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.function.BooleanSupplier;
import java.util.regex.Pattern;

import javax.crypto.SecretKey;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import org.hozon.archive.crypto.DataKeys;
import org.hozon.archive.crypto.EnvelopeException;
import org.hozon.archive.crypto.EnvelopeHeader;
import org.hozon.archive.crypto.EnvelopeReader;
import org.hozon.archive.crypto.ObjectIdentity;
import org.hozon.archive.crypto.ObjectNames;
import org.hozon.archive.crypto.Sidecar;
import org.hozon.archive.service.ArchiveKeys;
import org.hozon.archive.service.ArchiveSettings;
import org.hozon.ingest.ArchivedCopy;
import org.hozon.ingest.IngestService;
import org.hozon.ingest.Reception;

import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ChecksumMode;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Brings one data object back into the local store, verified, without indexing it: opens its
 * sidecar with the KEK it names (the sealed receipt says which instance it holds and its SHA-256
 * at receipt, and is bound to this object's key), unwraps the data key bound to tenant, SOP
 * Instance UID and key id, then streams the object through decryption and decompression into a
 * file in {@code .incoming} while hashing both sides. Only bytes whose SHA-256 and length equal
 * the receipt's are handed on, parsed by the ingest code. Memory stays at a few segment buffers
 * whatever the object's size. Network errors are retried; anything that cannot be opened or
 * verified is a failure of this object, with the reason.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ObjectRestorer {
    /** Keys of data objects: 64 hex digits ({@link ObjectNames}), possibly under a prefix. */
    static final Pattern DATA_OBJECT = Pattern.compile("(?:.*/)?[0-9a-f]{64}");
    private static final long MAX_SIDECAR = 16L << 20;
    private static final int ATTEMPTS = 3;
    private static final int BUFFER = 1 << 16;

    @Inject
    S3Client s3;

    @Inject
    ArchiveKeys keys;

    @Inject
    ArchiveSettings settings;

    @EJB
    RestoreRuns runs;

    @EJB
    IngestService ingest;

    /**
     * Restores one object into {@code .incoming}.
     *
     * @param bucket    the bucket
     * @param item      the data object
     * @param cancelled true when the restore is being stopped
     * @return READY (with the instance and its copy; the caller indexes it or deletes its file),
     *         SKIPPED (already in the index with the same SHA-256) or FAILED
     * @throws IOException (only {@code RestoreStopped}) if cancelled meanwhile: nothing is left behind
     */
    public ObjectOutcome fetch(String bucket, RestoreItem item, BooleanSupplier cancelled) throws IOException {
        for (int attempt = 1; ; attempt++) {
            try {
                return fetchOnce(bucket, item, cancelled);
            } catch (RestoreStopped e) {
                throw e;
            } catch (EnvelopeException e) {
                return ObjectOutcome.failed(item, null, e.getMessage());
            } catch (IOException | SdkClientException | S3Exception e) {
                boolean transient_ = !(e instanceof S3Exception s3e) || s3e.statusCode() >= 500 || s3e.statusCode() == 429;
                if (!transient_ || attempt >= ATTEMPTS) {
                    return ObjectOutcome.failed(item, null, (transient_ ? "after " + attempt + " attempts: " : "")
                            + e.getClass().getSimpleName() + ": " + e.getMessage());
                }
                pause(1000L * attempt * attempt, cancelled);
            } catch (RuntimeException e) {
                // whatever this object holds, it costs this object only, never the run
                return ObjectOutcome.failed(item, null, "cannot be restored: " + e);
            }
        }
    }

    private ObjectOutcome fetchOnce(String bucket, RestoreItem item, BooleanSupplier cancelled) throws IOException {
        String sidecarKey = ObjectNames.sidecarOf(item.objectKey());
        Sidecar sidecar;
        try (ResponseInputStream<GetObjectResponse> in = s3.getObject(b -> b.bucket(bucket).key(sidecarKey))) {
            if (in.response().contentLength() != null && in.response().contentLength() > MAX_SIDECAR) {
                return ObjectOutcome.failed(item, null, "sidecar " + sidecarKey + " is impossibly large");
            }
            sidecar = Sidecar.decode(in.readNBytes((int) MAX_SIDECAR + 1)); // a few KiB, not DICOM
        } catch (NoSuchKeyException e) {
            return ObjectOutcome.failed(item, null, "no sidecar " + sidecarKey + ": the object cannot be opened");
        }
        SecretKey kek = keys.ring().get(sidecar.keyId());
        Sidecar.Receipt receipt = sidecar.openReceipt(kek, item.objectKey());
        String sop = receipt.sopInstanceUid();
        if (!settings.tenant().equals(receipt.tenant())) {
            return ObjectOutcome.failed(item, sop, "belongs to tenant '" + receipt.tenant() + "'; this node restores tenant '"
                    + settings.tenant() + "'");
        }
        SecretKey dataKey;
        try {
            dataKey = DataKeys.unwrap(kek, sidecar.wrappedKey(), new ObjectIdentity(receipt.tenant(), sop, sidecar.keyId()));
        } catch (IllegalArgumentException e) {
            return ObjectOutcome.failed(item, sop, "receipt names an impossible identity: " + e.getMessage());
        }
        if (sidecar.segments().objectLength() != item.size()) {
            return ObjectOutcome.failed(item, sop, "object is " + item.size() + " bytes, its sidecar's segment table says "
                    + sidecar.segments().objectLength() + " (truncated or replaced)");
        }
        String known = runs.knownSha256(sop);
        if (known != null) {
            return known.equals(receipt.sha256()) ? ObjectOutcome.skipped(item, sop)
                    : ObjectOutcome.failed(item, sop, "the index holds this instance with other content (SHA-256 " + known
                            + "; archive copy " + receipt.sha256() + "); the indexed one is kept");
        }
        return decrypt(bucket, item, sidecarKey, sidecar, receipt, dataKey, cancelled);
    }

    private ObjectOutcome decrypt(String bucket, RestoreItem item, String sidecarKey, Sidecar sidecar,
            Sidecar.Receipt receipt, SecretKey dataKey, BooleanSupplier cancelled) throws IOException {
        String sop = receipt.sopInstanceUid();
        Path file = ingest.newIncomingFile();
        boolean handedOn = false;
        try {
            MessageDigest plain = sha256();
            MessageDigest cipher = sha256();
            EnvelopeHeader header;
            long size;
            GetObjectResponse response;
            try (ResponseInputStream<GetObjectResponse> object = s3.getObject(b -> b.bucket(bucket).key(item.objectKey())
                    .checksumMode(ChecksumMode.ENABLED));
                    FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                response = object.response();
                InputStream in = new BufferedInputStream(new DigestInputStream(object, cipher), BUFFER);
                header = EnvelopeHeader.read(in);
                if (!header.keyId().equals(sidecar.keyId()) || !header.wrappedKeyRef().equals(sidecarKey)) {
                    return ObjectOutcome.failed(item, sop, "envelope header names key " + header.keyId() + " and sidecar "
                            + header.wrappedKeyRef() + ", not this sidecar (spliced)");
                }
                OutputStream out = new BufferedOutputStream(new Guard(new DigestOutputStream(Channels.newOutputStream(channel),
                        plain), cancelled), BUFFER);
                size = EnvelopeReader.decrypt(header, in, dataKey, out);
                out.flush();
                channel.force(false); // fdatasync, as a received part
            }
            String sha = HexFormat.of().formatHex(plain.digest());
            if (size != receipt.size() || !sha.equals(receipt.sha256())) {
                return ObjectOutcome.failed(item, sop, "decrypted bytes (SHA-256 " + sha + ", " + size
                        + " bytes) differ from the receipt (" + receipt.sha256() + ", " + receipt.size() + " bytes)");
            }
            byte[] cipherSha = cipher.digest();
            String recorded = response.checksumSHA256();
            if (recorded != null && !recorded.contains("-") && !recorded.equals(Base64.getEncoder().encodeToString(cipherSha))) {
                return ObjectOutcome.failed(item, sop, "ciphertext differs from the checksum S3 recorded at upload");
            }
            Reception reception = ingest.receiveWritten(file, size, sha);
            if (reception.refusal() != null) {
                return ObjectOutcome.failed(item, sop, "not storable: " + reception.refusal().message());
            }
            if (!sop.equals(reception.instance().sopInstanceUid())) {
                return ObjectOutcome.failed(item, sop, "holds SOP Instance UID " + reception.instance().sopInstanceUid()
                        + ", not the one of its receipt");
            }
            handedOn = true;
            return ObjectOutcome.ready(item, reception.instance(), new ArchivedCopy(settings.target(), bucket,
                    item.objectKey(), sidecarKey, response.eTag(), HexFormat.of().formatHex(cipherSha),
                    response.contentLength() == null ? item.size() : response.contentLength(), sidecar.keyId(),
                    sidecar.wrappedKey(), header.noncePrefix(), item.lastModified()));
        } catch (EnvelopeException e) {
            return ObjectOutcome.failed(item, sop, e.getMessage());
        } finally {
            if (!handedOn) {
                Files.deleteIfExists(file);
            }
        }
    }

    private static void pause(long millis, BooleanSupplier cancelled) throws RestoreStopped {
        long end = System.currentTimeMillis() + millis;
        while (System.currentTimeMillis() < end) {
            if (cancelled.getAsBoolean()) {
                throw new RestoreStopped();
            }
            try {
                Thread.sleep(Math.min(200, Math.max(1, end - System.currentTimeMillis())));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new RestoreStopped();
            }
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** Stops a long decryption between segments when the restore is stopped. */
    private static final class Guard extends FilterOutputStream {
        private final BooleanSupplier cancelled;

        Guard(OutputStream out, BooleanSupplier cancelled) {
            super(out);
            this.cancelled = cancelled;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            if (cancelled.getAsBoolean()) {
                throw new RestoreStopped();
            }
            out.write(b, off, len);
        }
    }
}
