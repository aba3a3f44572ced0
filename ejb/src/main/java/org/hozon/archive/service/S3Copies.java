package org.hozon.archive.service;

import java.time.Instant;
import java.util.Arrays;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.hozon.archive.crypto.EnvelopeException;
import org.hozon.archive.crypto.Sidecar;
import org.hozon.archive.s3.ArchiveTarget;
import org.hozon.archive.s3.ArchiveTargets;
import org.hozon.persistence.archive.ArchiveCopy;

import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ChecksumMode;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * PUTs an envelope and then its sidecar to one target: each PUT carries the SHA-256 of its bytes,
 * which S3 verifies ({@code x-amz-checksum-sha256}), and is conditional ({@code If-None-Match: *}),
 * so a retry never makes a second version. When the object is already there (412), the existing
 * one is accepted only if it is provably ours: the same checksum for a data object, the same
 * wrapped key for a sidecar. No user metadata is sent: the key and the bytes say nothing about the
 * instance. The data object gets the target's storage class; the sidecar stays in the default
 * class, so a restore can read every sidecar at once.
 */
@ApplicationScoped
public class S3Copies {
    private static final int PRECONDITION_FAILED = 412;
    /**
     * Largest envelope PUT with its payload signed whole; larger ones go aws-chunked: a payload
     * signed whole is hashed by the SDK before the first byte is sent, and s3proxy holds it in
     * memory to check it (refusing it above 128 MiB, the connection closed mid-body).
     */
    static final long PLAIN_PUT_MAX = 32L << 20;

    @Inject
    ArchiveTargets targets;

    /**
     * @param target   where
     * @param job      the task
     * @param envelope what
     * @return the copy to record
     * @throws ArchiveException if a different object already has one of the keys
     * @throws SdkException     if the target failed
     */
    public ArchiveCopy put(ArchiveTarget target, ArchiveJob job, SealedEnvelope envelope) throws ArchiveException {
        S3Client s3 = targets.client(target);
        String etag = putData(envelope.length() > PLAIN_PUT_MAX ? targets.streamingClient(target) : s3, target, envelope);
        putSidecar(s3, target, envelope);
        return new ArchiveCopy(job.instancePk(), target.name(), target.bucket(), envelope.objectKey(), envelope.sidecarKey(),
                etag, envelope.sha256Hex(), envelope.length(), job.keyId(), job.wrappedKey(), Instant.now())
                .storedAs(target.storageClass().orElse(null));
    }

    private String putData(S3Client s3, ArchiveTarget target, SealedEnvelope envelope) throws ArchiveException {
        String bucket = target.bucket();
        String key = envelope.objectKey();
        PutObjectRequest.Builder request = request(bucket, key, envelope.length(), envelope.sha256Base64());
        target.storageClass().ifPresent(request::storageClass);
        try {
            return s3.putObject(request.build(), envelope.requestBody()).eTag();
        } catch (S3Exception e) {
            if (e.statusCode() != PRECONDITION_FAILED) {
                throw e;
            }
            HeadObjectResponse head = s3.headObject(b -> b.bucket(bucket).key(key).checksumMode(ChecksumMode.ENABLED));
            if (envelope.sha256Base64().equals(head.checksumSHA256()) && head.contentLength() == envelope.length()) {
                return head.eTag();
            }
            throw new ArchiveException("object " + key + " already exists in " + target.name() + " with other content"
                    + " (checksum " + head.checksumSHA256() + ", expected " + envelope.sha256Base64() + ")");
        }
    }

    private void putSidecar(S3Client s3, ArchiveTarget target, SealedEnvelope envelope) throws ArchiveException {
        String bucket = target.bucket();
        String key = envelope.sidecarKey();
        byte[] bytes = envelope.sidecarBytes();
        try {
            s3.putObject(request(bucket, key, bytes.length,
                    java.util.Base64.getEncoder().encodeToString(EnvelopeSealer.sha256().digest(bytes))).build(),
                    RequestBody.fromBytes(bytes));
        } catch (S3Exception e) {
            if (e.statusCode() != PRECONDITION_FAILED) {
                throw e;
            }
            // an earlier attempt wrote it; its receipt was sealed with another random nonce, so
            // compare what matters: the same KEK and the same wrapped data key
            byte[] existing = s3.getObjectAsBytes(b -> b.bucket(bucket).key(key)).asByteArray();
            Sidecar sidecar = envelope.sidecar();
            try {
                Sidecar there = Sidecar.decode(existing);
                if (there.keyId().equals(sidecar.keyId()) && Arrays.equals(there.wrappedKey(), sidecar.wrappedKey())
                        && there.segments().equals(sidecar.segments())) {
                    return;
                }
            } catch (EnvelopeException bad) {
                throw new ArchiveException("sidecar " + key + " already exists in " + target.name() + " and is unreadable",
                        bad);
            }
            throw new ArchiveException("sidecar " + key + " already exists in " + target.name() + " with another data key");
        }
    }

    private static PutObjectRequest.Builder request(String bucket, String key, long length, String sha256b64) {
        return PutObjectRequest.builder().bucket(bucket).key(key).contentLength(length)
                .contentType("application/octet-stream").checksumSHA256(sha256b64).ifNoneMatch("*");
    }
}
