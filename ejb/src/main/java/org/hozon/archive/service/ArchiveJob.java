package org.hozon.archive.service;

/**
 * A claimed archive task with what the archiver needs to know about its instance.
 *
 * @param taskPk       the task
 * @param instancePk   the instance
 * @param sopIuid      its SOP Instance UID
 * @param storagePath  its file, relative to the local store
 * @param sha256       SHA-256 recorded at receipt, hex
 * @param size         its length
 * @param keyId        the KEK that wraps its data key
 * @param wrappedKey   the wrapped data key
 * @param noncePrefix  the envelope's nonce prefix
 * @param attempt      this attempt's number (1 = first)
 */
public record ArchiveJob(long taskPk, long instancePk, String sopIuid, String storagePath, String sha256, long size,
        String keyId, byte[] wrappedKey, byte[] noncePrefix, int attempt) {
}
