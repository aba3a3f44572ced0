package org.hozon.archive.service;

import java.nio.file.Path;
import java.util.Arrays;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.hozon.archive.crypto.EnvelopeException;
import org.hozon.archive.crypto.Sidecar;

import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ChecksumMode;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * PUTs archive objects: each PUT carries the SHA-256 of its bytes, which S3 verifies
 * ({@code x-amz-checksum-sha256}), and is conditional ({@code If-None-Match: *}), so a retry never
 * makes a second version. When the object is already there (412), the existing one is accepted
 * only if it is provably ours: the same checksum for a data object, the same wrapped key for a
 * sidecar. No user metadata is sent: the key and the bytes say nothing about the instance.
 */
@ApplicationScoped
public class S3Copies {
    private static final int PRECONDITION_FAILED = 412;

    @Inject
    S3Client s3;

    /**
     * PUTs a data object from a file.
     *
     * @param bucket    the bucket
     * @param key       the object key
     * @param file      the envelope
     * @param length    its length
     * @param sha256b64 its SHA-256, base64
     * @return the ETag
     * @throws ArchiveException if a different object already has this key
     */
    public String putData(String bucket, String key, Path file, long length, String sha256b64) throws ArchiveException {
        try {
            return s3.putObject(request(bucket, key, length, sha256b64), RequestBody.fromFile(file)).eTag();
        } catch (S3Exception e) {
            if (e.statusCode() != PRECONDITION_FAILED) {
                throw e;
            }
            HeadObjectResponse head = s3.headObject(b -> b.bucket(bucket).key(key).checksumMode(ChecksumMode.ENABLED));
            if (sha256b64.equals(head.checksumSHA256()) && head.contentLength() == length) {
                return head.eTag();
            }
            throw new ArchiveException("object " + key + " already exists with other content (checksum "
                    + head.checksumSHA256() + ", expected " + sha256b64 + ")");
        }
    }

    /**
     * PUTs a sidecar.
     *
     * @return the ETag
     * @throws ArchiveException if another sidecar, with another wrapped key, already has this key
     */
    public String putSidecar(String bucket, String key, Sidecar sidecar, String sha256b64, byte[] bytes)
            throws ArchiveException {
        try {
            return s3.putObject(request(bucket, key, bytes.length, sha256b64), RequestBody.fromBytes(bytes)).eTag();
        } catch (S3Exception e) {
            if (e.statusCode() != PRECONDITION_FAILED) {
                throw e;
            }
            // an earlier attempt wrote it; its receipt was sealed with another random nonce, so
            // compare what matters: the same KEK and the same wrapped data key
            var existing = s3.getObjectAsBytes(b -> b.bucket(bucket).key(key));
            try {
                Sidecar there = Sidecar.decode(existing.asByteArray());
                if (there.keyId().equals(sidecar.keyId()) && Arrays.equals(there.wrappedKey(), sidecar.wrappedKey())
                        && there.segments().equals(sidecar.segments())) {
                    return existing.response().eTag();
                }
            } catch (EnvelopeException bad) {
                throw new ArchiveException("sidecar " + key + " already exists and is unreadable", bad);
            }
            throw new ArchiveException("sidecar " + key + " already exists with another data key");
        }
    }

    private static PutObjectRequest request(String bucket, String key, long length, String sha256b64) {
        return PutObjectRequest.builder().bucket(bucket).key(key).contentLength(length)
                .contentType("application/octet-stream").checksumSHA256(sha256b64).ifNoneMatch("*").build();
    }
}
